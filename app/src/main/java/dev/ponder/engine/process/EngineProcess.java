package dev.ponder.engine.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import dev.ponder.engine.llama.NativeLibrary;

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

    private final List<String> command;
    /** Volatile, so that close() can end a child busy with a long load without waiting for the lock load holds. */
    private volatile EngineConnection connection;
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

    private EngineProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * An engine child running this JVM's own runtime and class path, with the given heap limit. The runtime's
     * {@code bin/java}, not this process's command: inside an installed app that command is the app's launcher
     * ({@code Ponder}, {@code ponder}), which would start the app again instead of the engine, and the runtime is the
     * one bundled with the app, never the system's Java.
     */
    public static EngineProcess create(Path cacheRoot, String maxHeap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        String nativeDir = System.getProperty(NativeLibrary.DIR_PROPERTY);
        if (nativeDir != null) {
            command.add("-D" + NativeLibrary.DIR_PROPERTY + "=" + nativeDir);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EngineHost.class.getName());
        command.add(cacheRoot.toString());
        return new EngineProcess(command);
    }

    /** The default engine child: a 256 MB heap is ample, since model weights live outside the Java heap. */
    public static EngineProcess create(Path cacheRoot) {
        return create(cacheRoot, "256m");
    }

    @Override
    public synchronized LoadedModel load(LoadSettings settings) throws EngineException {
        lastLoad = settings;
        loaded = null;
        loaded = loadInto(running(), settings);
        return loaded;
    }

    private LoadedModel loadInto(EngineConnection live, LoadSettings settings) throws EngineException {
        long id = live.send(id1 -> new Request.Load(id1, settings));
        return switch (expectLast(live, id)) {
            case Reply.Loaded ok -> ok.model();
            case Reply other -> throw unexpected(other);
        };
    }

    @Override
    public synchronized void unload() throws EngineException {
        lastLoad = null;
        loaded = null;
        if (connection != null && connection.alive()) {
            long id = connection.send(Request.Unload::new);
            expectLast(connection, id);
        }
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
                    case Reply.Tokens tokens -> deliver(stream, tokens, sink);
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

    private static void deliver(Stream stream, Reply.Tokens tokens, TokenSink sink) {
        for (String text : tokens.texts()) {
            if (stream.cancelled) {
                return;
            }
            sink.token(text);
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
        EngineConnection live = running();
        if (loaded == null && lastLoad != null) {
            LOG.info("loading {} again in the new engine", lastLoad.model());
            loaded = loadInto(live, lastLoad);
        }
        return live;
    }

    private EngineConnection running() throws EngineException {
        if (connection != null && connection.alive()) {
            return connection;
        }
        if (connection != null) {
            connection.close();
            connection = null;
            loaded = null;
            restarts++;
            backOff();
        }
        connection = EngineConnection.start(command, START_TIMEOUT);
        return connection;
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
