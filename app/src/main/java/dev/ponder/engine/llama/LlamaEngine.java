package dev.ponder.engine.llama;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.LogLevel;
import de.kherud.llama.Pair;
import de.kherud.llama.args.CacheType;
import de.kherud.llama.args.LogFormat;
import dev.ponder.engine.Acceleration;
import dev.ponder.engine.ActiveBackend;
import dev.ponder.engine.Backend;
import dev.ponder.engine.BackendChoice;
import dev.ponder.engine.BackendUnavailableException;
import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.KvCacheType;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.ModelLoadException;
import dev.ponder.engine.Role;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;
import dev.ponder.models.GgufFormatException;
import dev.ponder.models.GgufInfo;
import dev.ponder.models.fit.FitPlanner;
import dev.ponder.models.fit.MemoryEstimator;
import dev.ponder.models.fit.ModelShape;

/**
 * llama.cpp in this process, through java-llama.cpp. The app uses it only inside the engine child
 * ({@code EngineHost}); tests and benchmarks may use it directly.
 */
public final class LlamaEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(LlamaEngine.class);
    private static final Logger NATIVE_LOG = LoggerFactory.getLogger("llama.cpp");

    private final Path cacheRoot;
    private final NativeVariant variant;
    /** Bumped by cancel(); a generation stops when the value it started with changes. */
    private final AtomicInteger cancelEpoch = new AtomicInteger();
    /** Warnings llama.cpp logged while its backends started (a CUDA driver too old, say): a failure's reason. */
    private final List<String> nativeWarnings = new CopyOnWriteArrayList<>();
    private LlamaModel model;
    private LoadedModel loaded;

    /** The library this JVM was started for: an engine child's, or the jar's CPU library. */
    public LlamaEngine(Path cacheRoot) {
        this(cacheRoot, NativeVariant.fromSystemProperties());
    }

    public LlamaEngine(Path cacheRoot, NativeVariant variant) {
        this.cacheRoot = cacheRoot;
        this.variant = variant;
    }

    /**
     * Loads a model on this engine's variant. A GPU variant that cannot run it (its library does not load, it finds
     * no device, the model does not fit) fails with {@link BackendUnavailableException}, so that the caller can try
     * the next backend; {@code settings}' backend choice only decides whether a software GPU (lavapipe) is accepted:
     * forced, yes; automatic, no, since llama.cpp's CPU backend is faster.
     */
    @Override
    public synchronized LoadedModel load(LoadSettings settings) throws EngineException {
        GgufInfo info = readHeader(settings.model());
        requireCacheFits(settings.acceleration().kvCache(), info);
        LoadSettings effective = settings.withContextSize(settings.effectiveContext(info.contextLength()));
        unload();
        List<GpuDevice> devices = prepareNatives();
        int layers = (int) info.blockCount() + 1;
        Optional<GpuDevice> device = variant.backend().gpu()
                ? Optional.of(device(devices, settings.acceleration().backend() == BackendChoice.AUTO))
                : Optional.empty();
        int gpuLayers = device.isPresent() ? gpuLayers(effective, info, device.get()) : 0;
        int microBatch = Math.min(effective.batchSize(),
                device.isPresent() ? microBatch(effective, info, device.get()) : MemoryEstimator.MICRO_BATCH);
        long start = System.nanoTime();
        try {
            model = new LlamaModel(toModelParameters(effective, gpuLayers, microBatch));
        } catch (RuntimeException e) {
            if (device.isPresent()) {
                throw new BackendUnavailableException(device.get().description() + " could not load the model with "
                        + gpuLayers + " layers on the GPU (" + e.getMessage() + "); fewer GPU layers may fit", e);
            }
            throw new ModelLoadException("llama.cpp could not load " + settings.model() + ": " + e.getMessage()
                    + ". The file may be damaged or of an architecture this build does not know.", e);
        }
        ActiveBackend active = device.map(gpu -> new ActiveBackend(variant.backend(), gpu.description(), gpuLayers,
                layers, microBatch, memoryTaken(gpu), List.of())).orElse(ActiveBackend.cpu(layers));
        loaded = new LoadedModel(effective, info, (System.nanoTime() - start) / 1_000_000, active);
        LOG.info("loaded {} in {} ms on {}", settings.model(), loaded.loadMillis(), active.summary());
        return loaded;
    }

    /**
     * llama.cpp quantizes the KV cache in blocks of 32 values along each attention head; a narrower head aborts the
     * process deep in the load, so it is refused here with what to choose instead.
     */
    private static void requireCacheFits(KvCacheType cache, GgufInfo info) throws ModelLoadException {
        if (cache.quantized() && (info.keyLength() % 32 != 0 || info.valueLength() % 32 != 0)) {
            throw new ModelLoadException("a " + cache.label() + " KV cache is stored in blocks of 32 values per "
                    + "attention head, and " + info.file().getFileName() + "'s heads are " + info.keyLength()
                    + " wide: choose the f16 KV cache (Settings, or --kv-cache f16)");
        }
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

    /** Loads this engine's library (once per JVM) and lists the GPUs it finds. */
    private List<GpuDevice> prepareNatives() throws ModelLoadException {
        try {
            NativeLibrary.prepare(cacheRoot, variant);
            LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {
                if (level == LogLevel.WARN || level == LogLevel.ERROR) {
                    nativeWarnings.add(message.strip());
                }
                NATIVE_LOG.debug("{} {}", level, message.stripTrailing());
            });
            return GgmlDevices.list();
        } catch (UnsatisfiedLinkError e) {
            throw new BackendUnavailableException("the " + variant.backend() + " build of llama.cpp did not load ("
                    + e.getMessage() + ")" + (variant.backend() == Backend.CUDA
                    ? ": is the NVIDIA driver installed?" : ""), e);
        } catch (IOException | RuntimeException e) {
            throw new BackendUnavailableException("the " + variant.backend() + " build of llama.cpp could not be"
                    + " prepared: " + e.getMessage(), e);
        }
    }

    /** The device this GPU variant runs on: the first its library found. */
    private GpuDevice device(List<GpuDevice> devices, boolean automatic) throws BackendUnavailableException {
        GpuDevice device = devices.stream().filter(gpu -> gpu.backend() == variant.backend()).findFirst()
                .orElseThrow(() -> new BackendUnavailableException("no " + variant.backend() + " device was found"
                        + (nativeWarnings.isEmpty() ? "" : " (" + String.join("; ", nativeWarnings) + ")")));
        if (automatic && device.software()) {
            throw new BackendUnavailableException("the " + variant.backend() + " device is " + device.description()
                    + ", which runs on the CPU and is slower than the CPU backend");
        }
        return device;
    }

    /** The layers asked for, or the planner's choice for the device's free memory; at most the model's. */
    private static int gpuLayers(LoadSettings settings, GgufInfo info, GpuDevice device)
            throws BackendUnavailableException {
        Acceleration acceleration = settings.acceleration();
        int layers = (int) info.blockCount() + 1;
        if (acceleration.gpuLayers() != Acceleration.ALL_LAYERS_THAT_FIT) {
            return Math.min(acceleration.gpuLayers(), layers);
        }
        int fit = FitPlanner.gpuLayers(ModelShape.of(info), device.freeBytes(), settings.contextSize(),
                acceleration.kvCache().bytesPerValue());
        if (fit == 0) {
            throw new BackendUnavailableException("no layer of the model fits in the " + (device.freeBytes() >> 20)
                    + " MiB free on " + device.description());
        }
        return fit;
    }

    /** The planner's micro-batch for prompts when the layers are left to it; llama.cpp's default otherwise. */
    private static int microBatch(LoadSettings settings, GgufInfo info, GpuDevice device) {
        Acceleration acceleration = settings.acceleration();
        if (acceleration.gpuLayers() != Acceleration.ALL_LAYERS_THAT_FIT) {
            return MemoryEstimator.MICRO_BATCH;
        }
        return FitPlanner.microBatch(ModelShape.of(info), device.freeBytes(), settings.contextSize(),
                acceleration.kvCache().bytesPerValue());
    }

    private static long memoryTaken(GpuDevice before) {
        return GgmlDevices.freeBytes(before.name()).map(after -> Math.max(0, before.freeBytes() - after)).orElse(0L);
    }

    private static ModelParameters toModelParameters(LoadSettings settings, int gpuLayers, int microBatch) {
        Acceleration acceleration = settings.acceleration();
        ModelParameters parameters = new ModelParameters()
                .setModel(settings.model().toString())
                .setCtxSize(settings.contextSize())
                .setThreads(settings.threads())
                .setThreadsBatch(settings.threads())
                .setBatchSize(settings.batchSize())
                .setUbatchSize(microBatch)
                .setParallel(settings.parallel())
                .enableJinja();
        if (settings.parallel() == 1) {
            // With one slot there is no slot to choose, but llama.cpp's server would still compare every prompt with
            // the cached one by longest common subsequence, O(n*m): 1.5 ms at 1,700 tokens, ~30 ms at 8,000, before
            // each reply of a long chat. The cached prefix is reused without it.
            parameters.setSlotPromptSimilarity(0);
        }
        if (gpuLayers > 0) {
            // Only then: a CPU-only library warns about any --gpu-layers.
            parameters.setGpuLayers(gpuLayers);
        }
        if (acceleration.flashAttention()) {
            parameters.enableFlashAttn();
        }
        if (acceleration.kvCache() != KvCacheType.F16) {
            CacheType type = CacheType.valueOf(acceleration.kvCache().name());
            parameters.setCacheTypeK(type).setCacheTypeV(type);
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
        // Counted after the stream, not before: tokenizing a long prompt (a few ms a thousand tokens with Qwen2's
        // BPE) would otherwise delay the first token, and llama.cpp tokenizes it again anyway.
        int promptTokens = current.encode(request.prompt()).length;
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
