package dev.ponder.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.ChatService;
import dev.ponder.chat.GenerationStats;
import dev.ponder.chat.Message;
import dev.ponder.chat.MessageStatus;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.ModelLoadException;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.ServedModel;
import dev.ponder.engine.ThreadDefaults;
import dev.ponder.engine.llama.NativeLibrary;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.engine.remote.RemoteEngine;
import dev.ponder.engine.remote.RemoteFailure;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ponder chat}: one turn with {@code --prompt}, or a conversation typed line by line. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with a GGUF model, or a model on an OpenAI-compatible server. Thinking is shown dimmed, "
                + "then the answer, then one line of stats.",
                "Ctrl+C stops the reply and keeps what was written; a second Ctrl+C quits."})
final class ChatCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    ModelChoice choice;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Send one message and exit.")
    String prompt;

    @Option(names = "--conversation", paramLabel = "ID", description = "Continue this conversation.")
    Long conversationId;

    @Option(names = "--threads", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads = ThreadDefaults.decodeThreads();

    @Option(names = "--context", description = "Context size in tokens (default: 4096, or the model's trained "
            + "length if shorter).")
    int context;

    @Option(names = "--temperature", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature = Sampling.R1_TEMPERATURE;

    @Option(names = "--top-p", description = "Nucleus sampling (default: ${DEFAULT-VALUE}).")
    double topP = Sampling.R1_TOP_P;

    @Option(names = "--max-tokens", description = "Most tokens per reply, thinking included (default: until the "
            + "model stops).")
    int maxTokens = -1;

    @Option(names = "--seed", description = "Sampling seed, for replies that repeat (default: random).")
    long seed = -1;

    @Option(names = "--think-open", description = "The model's thinking start marker (default: ${DEFAULT-VALUE}).")
    String thinkOpen = ReasoningMarkers.DEFAULT.open();

    @Option(names = "--think-close", description = "The model's thinking end marker (default: ${DEFAULT-VALUE}).")
    String thinkClose = ReasoningMarkers.DEFAULT.close();

    @Mixin
    StoreOptions store;

    @Mixin
    AccelerationOptions acceleration;

    private final Terminal terminal = Terminal.system();
    private final CtrlC ctrlC = new CtrlC();
    /** The model's name as conversations record it: the file's, or the server's model. */
    private String modelName;

    @Override
    public Integer call() throws Exception {
        ReasoningMarkers markers = new ReasoningMarkers(thinkOpen, thinkClose);
        Sampling sampling = new Sampling(temperature, topP, Sampling.r1Defaults().topK(), 0.0, maxTokens, seed);
        ChatRepository repository = store.open();
        try (Engine engine = choice.remote() != null ? connect(choice.remote()) : loadLocal()) {
            if (engine == null) {
                return PonderCli.BAD_INPUT;
            }
            modelName = engine.served().map(ServedModel::name).orElse(null);
            if (conversationId != null && repository.findConversation(conversationId).isEmpty()) {
                System.err.println("ponder: there is no conversation " + conversationId + " (see ponder history)");
                return PonderCli.BAD_INPUT;
            }
            ChatService chat = new ChatService(engine, repository);
            if (prompt != null) {
                return turn(chat, engine, conversationFor(chat, prompt), prompt, sampling, markers) ? 0 : 1;
            }
            return interactive(chat, engine, sampling, markers);
        } finally {
            repository.database().close();
        }
    }

    /** The local model loaded in the engine child; null (the reason printed) when the file cannot be loaded. */
    private Engine loadLocal() throws EngineException {
        LoadSettings load;
        try {
            load = new LoadSettings(choice.model(), context, threads, acceleration.acceleration(),
                    LoadSettings.DEFAULT_BATCH, -1, 1);
        } catch (IllegalArgumentException e) {
            System.err.println("ponder: " + e.getMessage());
            return null;
        }
        EngineProcess engine = EngineProcess.create(NativeLibrary.defaultCacheRoot());
        ctrlC.install();
        LoadedModel loaded;
        try {
            System.err.printf("Loading %s…%n", choice.model().getFileName());
            loaded = engine.load(load);
        } catch (ModelLoadException e) {
            engine.close();
            System.err.println("ponder: " + e.getMessage());
            return null;
        }
        AccelerationOptions.printFallbacks(loaded.backend());
        System.err.printf("Ready: %s, %s, %d layers, context %d, threads %d, %s (%d ms).%n",
                loaded.info().architecture(), loaded.info().fileType(), loaded.info().blockCount(),
                loaded.settings().contextSize(), loaded.settings().threads(), loaded.backend().summary(),
                loaded.loadMillis());
        return engine;
    }

    /** The model on a server; null (the reason printed) when the server cannot be used. */
    private Engine connect(RemoteOptions remote) throws java.io.IOException {
        RemoteEngine engine;
        try {
            System.err.printf("Connecting to %s…%n", remote.root());
            engine = remote.connect(1);
        } catch (RemoteFailure | IllegalArgumentException e) {
            System.err.println("ponder: " + e.getMessage());
            return null;
        }
        ctrlC.install();
        System.err.printf("Ready: %s on %s, context %d.%n", remote.model(), engine.endpoint().root(),
                engine.served().orElseThrow().contextPerSequence());
        return engine;
    }

    private int interactive(ChatService chat, Engine engine, Sampling sampling, ReasoningMarkers markers)
            throws IOException {
        System.err.println("Type a message and press Enter. Ctrl+D or /exit quits.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            terminal.bold("> ");
            String line = in.readLine();
            if (line == null || line.strip().equals("/exit")) {
                return 0;
            }
            if (!line.isBlank()) {
                // A failed turn stays in its conversation too: the next line continues it.
                turn(chat, engine, conversationFor(chat, line), line, sampling, markers);
            }
        }
    }

    /** The conversation to continue, or a new one titled after its first message. */
    private long conversationFor(ChatService chat, String firstMessage) {
        if (conversationId == null) {
            conversationId = chat.startConversation(firstMessage, modelName).id();
        }
        return conversationId;
    }

    /** One message and its streamed reply; false when the engine failed (the reason is printed). */
    private boolean turn(ChatService chat, Engine engine, long id, String text, Sampling sampling,
                         ReasoningMarkers markers) {
        TranscriptPrinter printer = new TranscriptPrinter(terminal);
        try {
            Message reply = ctrlC.whileGenerating(engine::cancel,
                    () -> chat.send(id, text, sampling, markers, printer::print));
            printer.end(statsLine(reply));
            return true;
        } catch (EngineException e) {
            printer.end("");
            System.err.println("ponder: " + e.getMessage());
            return false;
        }
    }

    static String statsLine(Message reply) {
        GenerationStats stats = reply.stats();
        StringBuilder line = new StringBuilder();
        if (stats.completionTokens() != null) {
            line.append(stats.completionTokens()).append(" tokens · ")
                    .append(String.format(Locale.ROOT, "%.1f tok/s", stats.tokensPerSecond()))
                    .append(" · first token ").append(stats.timeToFirstTokenMillis()).append(" ms");
        }
        if (reply.thinkingMillis() != null) {
            line.append(String.format(Locale.ROOT, " · thought %.1f s", reply.thinkingMillis() / 1000.0));
        }
        if (reply.status() != MessageStatus.COMPLETE) {
            line.append(" · ").append(reply.status().wireName());
            if (!reply.thinkingClosed()) {
                line.append(" while thinking");
            }
        }
        line.append(" · conversation ").append(reply.conversationId()).append(", message ").append(reply.id());
        return line.toString().replaceFirst("^ · ", "");
    }

    /** Prints one reply as it streams: thinking dimmed under a heading, then the answer. */
    private static final class TranscriptPrinter {

        private final Terminal terminal;
        private boolean thinking;
        private boolean printedAnything;

        TranscriptPrinter(Terminal terminal) {
            this.terminal = terminal;
        }

        void print(ReasoningEvent event) {
            switch (event) {
                case ReasoningEvent.ThinkingDelta delta -> {
                    if (!thinking) {
                        thinking = true;
                        terminal.dim("Thinking…\n");
                    }
                    terminal.dim(delta.text());
                }
                case ReasoningEvent.ThinkingFinished finished -> {
                    terminal.dim(String.format(Locale.ROOT, "%s(thought for %.1f s)%n%n", thinking ? "\n" : "",
                            finished.duration().toMillis() / 1000.0));
                    thinking = false;
                }
                case ReasoningEvent.AnswerDelta delta -> terminal.plain(delta.text());
            }
            printedAnything = true;
        }

        void end(String stats) {
            if (printedAnything) {
                terminal.plain("\n");
            }
            if (!stats.isEmpty()) {
                terminal.dim("— " + stats + "\n");
            }
        }
    }
}
