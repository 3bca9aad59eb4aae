package dev.ponder.engine.llama;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.ModelLoadException;
import dev.ponder.engine.Role;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;
import dev.ponder.models.GgufFormatException;
import dev.ponder.models.GgufInfo;

/**
 * llama.cpp in this process, through java-llama.cpp. The app uses it only inside the engine child
 * ({@code EngineHost}); tests and benchmarks may use it directly.
 */
public final class LlamaEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(LlamaEngine.class);
    private static final Logger NATIVE_LOG = LoggerFactory.getLogger("llama.cpp");

    private final Path cacheRoot;
    /** Bumped by cancel(); a generation stops when the value it started with changes. */
    private final AtomicInteger cancelEpoch = new AtomicInteger();
    private LlamaModel model;
    private LoadedModel loaded;

    public LlamaEngine(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    @Override
    public synchronized LoadedModel load(LoadSettings settings) throws EngineException {
        GgufInfo info = readHeader(settings.model());
        LoadSettings effective = settings.withContextSize(settings.effectiveContext(info.contextLength()));
        unload();
        prepareNatives();
        long start = System.nanoTime();
        try {
            model = new LlamaModel(toModelParameters(effective));
        } catch (RuntimeException e) {
            throw new ModelLoadException("llama.cpp could not load " + settings.model() + ": " + e.getMessage()
                    + ". The file may be damaged or of an architecture this build does not know.", e);
        }
        loaded = new LoadedModel(effective, info, (System.nanoTime() - start) / 1_000_000);
        LOG.info("loaded {} in {} ms", settings.model(), loaded.loadMillis());
        return loaded;
    }

    private static GgufInfo readHeader(Path file) throws ModelLoadException {
        try {
            return GgufInfo.read(file);
        } catch (GgufFormatException e) {
            throw new ModelLoadException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void prepareNatives() throws ModelLoadException {
        try {
            NativeLibrary.prepare(cacheRoot);
            LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> NATIVE_LOG.debug("{} {}", level,
                    message.stripTrailing()));
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new ModelLoadException("the llama.cpp library could not be prepared: " + e.getMessage(), e);
        }
    }

    private static ModelParameters toModelParameters(LoadSettings settings) {
        ModelParameters parameters = new ModelParameters()
                .setModel(settings.model().toString())
                .setCtxSize(settings.contextSize())
                .setThreads(settings.threads())
                .setThreadsBatch(settings.threads())
                .setBatchSize(settings.batchSize())
                .setParallel(settings.parallel())
                .enableJinja();
        if (settings.gpuLayers() > 0) {
            parameters.setGpuLayers(settings.gpuLayers());
        }
        if (settings.seed() >= 0) {
            parameters.setSeed(settings.seed());
        }
        return parameters;
    }

    @Override
    public synchronized void unload() {
        if (model != null) {
            model.close();
            model = null;
            loaded = null;
        }
    }

    @Override
    public synchronized Optional<LoadedModel> loaded() {
        return Optional.ofNullable(loaded);
    }

    @Override
    public Generation chat(List<ChatTurn> turns, Sampling sampling, String jsonSchema, TokenSink sink)
            throws EngineException {
        String prompt = renderChat(turns);
        sink.promptRendered(prompt);
        CompletionRequest request = CompletionRequest.of(prompt, sampling);
        return complete(jsonSchema == null ? request : request.withJsonSchema(jsonSchema), sink);
    }

    /** The conversation rendered by the model's own (jinja) chat template, ending where the reply begins. */
    public String renderChat(List<ChatTurn> turns) throws EngineException {
        LlamaModel current = requireModel();
        String system = null;
        List<Pair<String, String>> messages = new ArrayList<>();
        for (ChatTurn turn : turns) {
            if (turn.role() == Role.SYSTEM) {
                if (system != null || !messages.isEmpty()) {
                    throw new EngineException("a system prompt may only come first, once");
                }
                system = turn.content();
            } else {
                messages.add(new Pair<>(turn.role().wireName(), turn.content()));
            }
        }
        try {
            return current.applyTemplate(new InferenceParameters("").setMessages(system, messages)
                    .setUseChatTemplate(true));
        } catch (RuntimeException e) {
            throw new EngineException("the model's chat template failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Generation complete(CompletionRequest request, TokenSink sink) throws EngineException {
        LlamaModel current = requireModel();
        int epoch = cancelEpoch.get();
        long start = System.nanoTime();
        int promptTokens = current.encode(request.prompt()).length;
        LlamaIterator iterator;
        try {
            iterator = (LlamaIterator) current.generate(toInferenceParameters(request)).iterator();
        } catch (RuntimeException e) {
            throw new EngineException("generation failed: " + e.getMessage(), e);
        }
        long first = 0;
        long last = start;
        int tokens = 0;
        StopReason reason = StopReason.END;
        try {
            while (iterator.hasNext()) {
                if (cancelEpoch.get() != epoch) {
                    iterator.cancel();
                    reason = StopReason.CANCELLED;
                    break;
                }
                LlamaOutput output = iterator.next();
                if (!iterator.hasNext()) {
                    // The final result carries no new token, only the end of the stream.
                    if (!output.text.isEmpty()) {
                        sink.token(output.text);
                    }
                    break;
                }
                last = System.nanoTime();
                if (tokens++ == 0) {
                    first = last;
                }
                sink.token(output.text);
            }
        } catch (RuntimeException e) {
            throw new EngineException("generation failed: " + e.getMessage(), e);
        }
        int maxTokens = request.sampling().maxTokens();
        if (reason != StopReason.CANCELLED && maxTokens > 0 && tokens >= maxTokens) {
            reason = StopReason.LENGTH;
        }
        return Generation.measured(reason, promptTokens, tokens, start, first, last);
    }

    private static InferenceParameters toInferenceParameters(CompletionRequest request) {
        Sampling sampling = request.sampling();
        InferenceParameters parameters = new InferenceParameters(request.prompt())
                .setTemperature((float) sampling.temperature())
                .setTopP((float) sampling.topP())
                .setTopK(sampling.topK())
                .setMinP((float) sampling.minP())
                .setNPredict(sampling.maxTokens())
                .setCachePrompt(true);
        if (sampling.seed() >= 0) {
            parameters.setSeed((int) sampling.seed());
        }
        if (request.grammar() != null) {
            parameters.setGrammar(request.grammar());
        } else if (request.jsonSchema() != null) {
            parameters.setGrammar(LlamaModel.jsonSchemaToGrammar(request.jsonSchema()));
        }
        if (!request.stop().isEmpty()) {
            parameters.setStopStrings(request.stop().toArray(String[]::new));
        }
        return parameters;
    }

    @Override
    public int[] tokenize(String text) throws EngineException {
        return requireModel().encode(text);
    }

    @Override
    public void cancel() {
        cancelEpoch.incrementAndGet();
    }

    private synchronized LlamaModel requireModel() throws EngineException {
        if (model == null) {
            throw new EngineException("no model is loaded: load one first");
        }
        return model;
    }

    @Override
    public void close() {
        unload();
    }
}
