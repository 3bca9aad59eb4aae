package dev.ponder.engine.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ponder.engine.Backend;
import dev.ponder.engine.BackendPlan;
import dev.ponder.engine.BackendPresence;
import dev.ponder.engine.BackendUnavailableException;
import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineCrashed;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.ModelLoadException;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.TokenSink;
import dev.ponder.engine.llama.NativeVariant;
import dev.ponder.engine.llama.NativeVariants;

/**
 * The engine as the app uses it: llama.cpp in a supervised child JVM ({@link EngineHost}).
 *
 * <p>A native abort, an out-of-memory kill or a driver fault ends the child, never the app. The request in flight
 * then fails with {@link EngineCrashed}; the next request starts a new child after a back-off that grows with
 * consecutive crashes, and loads the last model again before it runs. Calls block their thread, like
 * {@link dev.ponder.engine.llama.LlamaEngine}'s, and streamed tokens reach the sink on the calling thread.
 */
public final class EngineProcess implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(EngineProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 8_000;

    /** The java command and JVM options of a child, before the variant's options and the main class. */
    private final List<String> jvm;
    private final List<String> main;
    private final NativeVariants variants;
    private final BackendPresence presence;
    /** Volatile, so that close() can end a child busy with a long load without waiting for the lock load holds. */
    private volatile EngineConnection connection;
    /** The llama.cpp build the live child loaded. */
    private NativeVariant connectionVariant;
    /** Whether the live child was asked to load a model: it keeps that model's memory until it exits. */
    private boolean childHoldsModel;
    private LoadSettings lastLoad;
    /** Read without the lock: the UI asks for it while a load holds the lock. */
    private volatile LoadedModel loaded;
    private int crashesInARow;
    private int restarts;
    /** The streams in flight: cancel() stops them all, and drops tokens the child sent before it heard. */
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    private static final class Stream {
        final EngineConnection connection;
        volatile boolean cancelled;

        Stream(EngineConnection connection) {
            this.connection = connection;
        }
    }

    private EngineProcess(List<String> jvm, List<String> main, NativeVariants variants, BackendPresence presence) {
        this.jvm = List.copyOf(jvm);
        this.main = List.copyOf(main);
        this.variants = variants;
        this.presence = presence;
    }

    /**
     * An engine child running this JVM's own runtime and class path, with the given heap limit, choosing among the
     * llama.cpp builds in {@code variants} and skipping those {@code presence} rules out. The runtime's
     * {@code bin/java}, not this process's command: inside an installed app that command is the app's launcher
     * ({@code Ponder}, {@code ponder}), which would start the app again instead of the engine, and the runtime is the
     * one bundled with the app, never the system's Java.
     */
    public static EngineProcess create(Path cacheRoot, String maxHeap, NativeVariants variants,
                                       BackendPresence presence) {
        List<String> jvm = new ArrayList<>();
        jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        jvm.add("--enable-native-access=ALL-UNNAMED");
        jvm.add("-Xmx" + maxHeap);
        jvm.add("-XX:+UseSerialGC");
        jvm.add("-Xshare:auto");
        jvm.add("-XX:TieredStopAtLevel=1");
        List<String> main = List.of("-cp", System.getProperty("java.class.path"), EngineHost.class.getName(),
                cacheRoot.toString());
        return new EngineProcess(jvm, main, variants, presence);
    }

    /** An engine child with the given heap limit, choosing among the builds under {@code ponder.native.root}. */
    public static EngineProcess create(Path cacheRoot, String maxHeap) {
        return create(cacheRoot, maxHeap, NativeVariants.fromSystemProperty(), BackendPresence.UNKNOWN);
    }

    /** The default engine child: a 256 MB heap is ample, since model weights live outside the Java heap. */
    public static EngineProcess create(Path cacheRoot) {
        return create(cacheRoot, "256m");
    }

    /**
     * Loads the model on the best backend that can run it: each one the plan names is tried in its own child, and
     * one that fails to load, finds no device or cannot hold the model gives way to the next; the loaded model's
     * {@link LoadedModel#backend()} says which was used and why the better ones were not.
     */
    @Override
    public synchronized LoadedModel load(LoadSettings settings) throws EngineException {
        lastLoad = settings;
        loaded = null;
        loaded = loadOnBestBackend(settings);
        return loaded;
    }

    /**
     * Each load runs in a fresh child: java-llama.cpp 4.2.0's {@code LlamaModel.close()} stops the model's task loop
     * but never frees the model or its context (the {@code delete} is commented out in its JNI code), so a second
     * load in the same process would keep the first model's RAM and GPU memory (measured: 1.4 GB of VRAM a load of
     * a 1.5B model). A child's exit frees everything, at the cost of a JVM start (about 0.3 s) per model switch.
     */
    private LoadedModel loadOnBestBackend(LoadSettings settings) throws EngineException {
        if (childHoldsModel) {
            retire();
        }
        BackendPlan plan = BackendPlan.of(settings.acceleration().backend(), presence, variants.built());
        plan.skipped().forEach(reason -> LOG.info("backend not tried: {}", reason));
        List<String> fallbacks = new ArrayList<>();
        for (Iterator<Backend> order = plan.order().iterator(); order.hasNext(); ) {
            Backend backend = order.next();
            NativeVariant variant = variants.variant(backend).orElseThrow();
            try {
                EngineConnection live = running(variant);
                childHoldsModel = true;
                LoadedModel model = loadInto(live, settings);
                return model.withBackend(model.backend().afterFallbacks(fallbacks));
            } catch (BackendUnavailableException | EngineCrashed e) {
                if (!order.hasNext()) {
                    throw e;
                }
                // Info, not a warning: the reason reaches the user through the loaded model (ponder chat prints it).
                LOG.info("{} could not run {}, trying the next backend: {}", backend, settings.model(),
                        e.getMessage());
                fallbacks.add(backend + ": " + e.getMessage());
                retire();
            }
        }
        throw new IllegalStateException("a backend plan always ends with the CPU");
    }

    private LoadedModel loadInto(EngineConnection live, LoadSettings settings) throws EngineException {
        long id = live.send(id1 -> new Request.Load(id1, settings));
        return switch (expectLast(live, id)) {
            case Reply.Loaded ok -> ok.model();
            case Reply other -> throw unexpected(other);
        };
    }

    /** Ends the child that holds the model: only its exit gives the model's memory back (see {@link #load}). */
    @Override
    public synchronized void unload() {
        lastLoad = null;
        retire();
    }

    @Override
    public Optional<LoadedModel> loaded() {
        return Optional.ofNullable(loaded);
    }

    @Override
    public Generation chat(List<ChatTurn> turns, Sampling sampling, String jsonSchema, TokenSink sink)
            throws EngineException {
        List<ChatTurn> copy = List.copyOf(turns);
        return stream(id -> new Request.Chat(id, copy, sampling, jsonSchema), sink);
    }

    @Override
    public Generation complete(CompletionRequest request, TokenSink sink) throws EngineException {
        return stream(id -> new Request.Complete(id, request), sink);
    }

    private Generation stream(Request.Factory factory, TokenSink sink) throws EngineException {
        EngineConnection live;
        long id;
        synchronized (this) {
            live = runningWithModel();
            id = live.send(factory);
        }
        Stream stream = new Stream(live);
        streams.add(stream);
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    // The caller gave up (a cancelled task): stop the child's work too.
                    cancel();
                }
                Reply reply = next(live, id);
                switch (reply) {
                    case Reply.Prompt prompt -> sink.promptRendered(prompt.text());
                    case Reply.Token token -> {
                        // Tokens the child sent before it heard a cancel are not the caller's any more.
                        if (!stream.cancelled) {
                            sink.token(token.text());
                        }
                    }
                    case Reply.Finished finished -> {
                        return finished.generation();
                    }
                    default -> throw unexpected(reply);
                }
            }
        } finally {
            streams.remove(stream);
        }
    }

    @Override
    public int[] tokenize(String text) throws EngineException {
        EngineConnection live;
        long id;
        synchronized (this) {
            live = runningWithModel();
            id = live.send(requestId -> new Request.Tokenize(requestId, text));
        }
        return switch (expectLast(live, id)) {
            case Reply.TokenIds ids -> ids.ids();
            case Reply other -> throw unexpected(other);
        };
    }

    /** The child's Java heap and pid: the figures a benchmark reports. */
    public Reply.Status status() throws EngineException {
        EngineConnection live;
        long id;
        synchronized (this) {
            live = running();
            id = live.send(Request.Status::new);
        }
        return switch (expectLast(live, id)) {
            case Reply.Status status -> status;
            case Reply other -> throw unexpected(other);
        };
    }

    /** The pid of the live child, if one runs. */
    public Optional<Long> pid() {
        EngineConnection live = connection;
        return live != null && live.alive() ? Optional.of(live.pid()) : Optional.empty();
    }

    /** How many times a crashed child was replaced. */
    public synchronized int restarts() {
        return restarts;
    }

    @Override
    public void cancel() {
        Set<EngineConnection> told = new HashSet<>();
        for (Stream stream : streams) {
            stream.cancelled = true;
            if (told.add(stream.connection)) {
                try {
                    stream.connection.tell(new Request.Cancel(stream.connection.nextId()));
                } catch (EngineException e) {
                    LOG.debug("cancel found the engine gone: {}", e.getMessage());
                }
            }
        }
    }

    private EngineConnection runningWithModel() throws EngineException {
        // First replace a crashed child (after a back-off), which forgets the model it held.
        EngineConnection live = running();
        if (loaded == null && lastLoad != null) {
            LOG.info("loading {} again in a new engine", lastLoad.model());
            loaded = loadOnBestBackend(lastLoad);
            live = connection;
        }
        return live;
    }

    /** The live child, or a new one for the build used last (the CPU's before any load). */
    private EngineConnection running() throws EngineException {
        return running(connectionVariant != null ? connectionVariant
                : variants.variant(Backend.CPU).orElseThrow());
    }

    /**
     * A child that loaded {@code variant}'s library: the live one if it did, else a new one. A child that crashed is
     * replaced after a back-off; one that runs another build is retired at once (a process loads one library).
     */
    private EngineConnection running(NativeVariant variant) throws EngineException {
        if (connection != null && connection.alive()) {
            if (variant.equals(connectionVariant)) {
                return connection;
            }
            retire();
        }
        if (connection != null) {
            connection.close();
            connection = null;
            loaded = null;
            restarts++;
            backOff();
        }
        List<String> command = new ArrayList<>(jvm);
        command.addAll(variant.jvmOptions());
        command.addAll(main);
        connection = EngineConnection.start(command, START_TIMEOUT);
        connectionVariant = variant;
        childHoldsModel = false;
        return connection;
    }

    /** Ends the child on purpose (a backend switch), which is no crash: the next one starts without a back-off. */
    private void retire() {
        EngineConnection live = connection;
        connection = null;
        connectionVariant = null;
        loaded = null;
        if (live != null) {
            live.close();
        }
    }

    private void backOff() throws EngineException {
        long delay = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(crashesInARow, 10));
        crashesInARow++;
        LOG.warn("restarting the engine in {} ms (crash {} in a row)", delay, crashesInARow);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting to restart the engine", e);
        }
    }

    private Reply next(EngineConnection live, long id) throws EngineException {
        Reply reply = live.next(id);
        if (reply instanceof Reply.Failed failed) {
            if (failed.backendFailure()) {
                throw new BackendUnavailableException(failed.message());
            }
            throw failed.loadFailure() ? new ModelLoadException(failed.message())
                    : new EngineException(failed.message());
        }
        if (reply.last()) {
            synchronized (this) {
                crashesInARow = 0;
            }
        }
        return reply;
    }

    private Reply expectLast(EngineConnection live, long id) throws EngineException {
        Reply reply = next(live, id);
        if (!reply.last()) {
            throw unexpected(reply);
        }
        return reply;
    }

    private static EngineException unexpected(Reply reply) {
        return new EngineException("the engine answered out of turn: " + reply.getClass().getSimpleName());
    }

    /**
     * Ends the child. A request in flight (a load, a generation) fails with {@link EngineCrashed}; this does not wait
     * for it, which is how a load is cancelled: llama.cpp cannot be interrupted mid-load, but its process can end.
     */
    @Override
    public void close() {
        EngineConnection live = connection;
        connection = null;
        loaded = null;
        if (live != null) {
            live.close();
        }
    }
}
