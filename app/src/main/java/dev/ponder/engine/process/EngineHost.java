package dev.ponder.engine.process;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ponder.engine.BackendUnavailableException;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.ModelLoadException;
import dev.ponder.engine.TokenSink;
import dev.ponder.engine.llama.LlamaEngine;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The engine child's main: serves one {@link Engine} to the app over a Unix-domain socket.
 *
 * <p>llama.cpp and the binding print to stdout and stderr whatever they like, so nothing of the protocol goes there.
 * Requests are read on one thread and each runs on its own, so that a cancel is seen while a generation streams and
 * generations can share the model's parallel sequences; replies go
 * through one writer thread that batches tokens when they come faster than the socket takes them, so the generating
 * thread never waits on I/O. The process ends with {@link Runtime#halt} because the binding leaves a non-daemon native
 * thread behind that would keep the JVM alive.
 */
public final class EngineHost {

    private static final Logger LOG = LoggerFactory.getLogger(EngineHost.class);

    private final Engine engine;
    private final JsonLines lines;
    private final LinkedBlockingQueue<Reply> outbox = new LinkedBlockingQueue<>();
    /** One thread a request: generations run side by side in llama.cpp's slots (parallel sequences). */
    private final ExecutorService worker = Executors.newCachedThreadPool(Thread.ofPlatform()
            .name("engine-worker-", 0).daemon().factory());
    /** A load replaces the model under every generation: it waits for them, and they for it. */
    private final ReadWriteLock model = new ReentrantReadWriteLock();

    private EngineHost(Engine engine, JsonLines lines) {
        this.engine = engine;
        this.lines = lines;
    }

    /**
     * Arguments: the cache folder for the native library, and the socket to connect to. Which llama.cpp build to load
     * comes from system properties (see {@link dev.ponder.engine.llama.NativeVariant#fromSystemProperties()}).
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: EngineHost CACHE_DIR SOCKET");
            Runtime.getRuntime().halt(2);
        }
        // Ctrl+C in a terminal signals the whole foreground process group: it is the app's to handle (stop the
        // reply), and the engine must survive it.
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            LOG.warn("the app process is gone; the engine stops");
            Runtime.getRuntime().halt(0);
        }));
        int status = 0;
        try (var channel = java.nio.channels.SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(args[1])));
            new EngineHost(new LlamaEngine(Path.of(args[0])), new JsonLines(channel)).serve();
        } catch (IOException | RuntimeException e) {
            LOG.error("engine host failed", e);
            status = 1;
        }
        Runtime.getRuntime().halt(status);
    }

    private void serve() throws IOException {
        Thread.ofPlatform().name("engine-writer").daemon().start(this::writeReplies);
        try {
            for (Request request; (request = lines.read(Request.class)) != null; ) {
                switch (request) {
                    case Request.Cancel cancel -> engine.cancel();
                    case Request.Shutdown shutdown -> {
                        return;
                    }
                    default -> submit(request);
                }
            }
            LOG.info("the app closed the engine socket");
        } finally {
            engine.cancel();
            worker.shutdownNow();
            try {
                worker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flushOutbox();
        }
    }

    private void submit(Request request) {
        worker.execute(() -> {
            try {
                outbox.add(handle(request));
            } catch (ModelLoadException e) {
                outbox.add(new Reply.Failed(request.id(), true, e instanceof BackendUnavailableException,
                        e.getMessage()));
            } catch (EngineException | RuntimeException e) {
                outbox.add(new Reply.Failed(request.id(), false, false, String.valueOf(e.getMessage())));
            } catch (Throwable e) {
                // The app waits for an answer to every request: even a linkage error or an OOM gets one.
                LOG.error("request {} failed", request.id(), e);
                outbox.add(new Reply.Failed(request.id(), false, false, e.toString()));
            }
        });
    }

    private Reply handle(Request request) throws EngineException {
        long id = request.id();
        boolean exclusive = request instanceof Request.Load;
        Lock lock = exclusive ? model.writeLock() : model.readLock();
        lock.lock();
        try {
            return answer(request, id);
        } finally {
            lock.unlock();
        }
    }

    private Reply answer(Request request, long id) throws EngineException {
        return switch (request) {
            case Request.Load load -> new Reply.Loaded(id, engine.load(load.settings()));
            case Request.Chat chat -> new Reply.Finished(id, engine.chat(chat.turns(), chat.sampling(), chat.jsonSchema(),
                    sinkFor(id)));
            case Request.Complete complete -> new Reply.Finished(id, engine.complete(complete.request(), sinkFor(id)));
            case Request.Tokenize tokenize -> new Reply.TokenIds(id, engine.tokenize(tokenize.text()));
            case Request.Status status -> status(id);
            case Request.Cancel cancel -> throw new IllegalStateException("cancel is handled on the reader thread");
            case Request.Shutdown shutdown -> throw new IllegalStateException("shutdown is handled on the reader");
        };
    }

    private TokenSink sinkFor(long id) {
        return new TokenSink() {
            @Override
            public void token(String text) {
                outbox.add(new Reply.Tokens(id, List.of(text)));
            }

            @Override
            public void promptRendered(String prompt) {
                outbox.add(new Reply.Prompt(id, prompt));
            }
        };
    }

    private static Reply status(long id) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long committed = runtime.totalMemory();
        return new Reply.Status(id, committed - runtime.freeMemory(), committed, runtime.maxMemory(),
                ProcessHandle.current().pid());
    }

    private void writeReplies() {
        try {
            List<Reply> batch = new ArrayList<>();
            while (true) {
                batch.add(outbox.take());
                outbox.drainTo(batch);
                writeBatch(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("the app stopped listening: {}", e.getMessage());
            Runtime.getRuntime().halt(0);
        }
    }

    /** Writes a batch as it came, with runs of one request's tokens joined into one line. */
    private synchronized void writeBatch(List<Reply> batch) throws IOException {
        List<String> pending = new ArrayList<>();
        long pendingId = -1;
        for (Reply reply : batch) {
            if (reply instanceof Reply.Tokens tokens && (pending.isEmpty() || tokens.id() == pendingId)) {
                pendingId = tokens.id();
                pending.addAll(tokens.texts());
                continue;
            }
            writeTokens(pendingId, pending);
            if (reply instanceof Reply.Tokens tokens) {
                pendingId = tokens.id();
                pending.addAll(tokens.texts());
            } else {
                lines.write(reply);
            }
        }
        writeTokens(pendingId, pending);
        lines.flush();
    }

    private void writeTokens(long id, List<String> texts) throws IOException {
        if (!texts.isEmpty()) {
            lines.write(new Reply.Tokens(id, List.copyOf(texts)));
            texts.clear();
        }
    }

    private void flushOutbox() {
        List<Reply> rest = new ArrayList<>();
        outbox.drainTo(rest);
        try {
            writeBatch(rest);
        } catch (IOException e) {
            LOG.debug("could not send the last replies: {}", e.getMessage());
        }
    }
}
