package dev.ponder.engine.process;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
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
 * The engine child's main: serves one {@link Engine} to the app, reading requests on stdin and replying over a
 * Unix-domain socket.
 *
 * <p>llama.cpp and the binding print to stdout and stderr whatever they like, so no reply goes there. Stdin ends when
 * the app closes it or dies, and so does the child.
 *
 * <p>Every hand-over between threads costs a wake-up, and on a GPU machine's idle cores one costs 0.2-0.3 ms
 * (measured on the H200), as much as a whole 512-token prompt's last few percent. So the thread that reads a request
 * runs it, after handing the reading to another thread (leader and followers), and writes its replies itself: a
 * generation's thread only carries llama.cpp's tokens, which llama.cpp decodes on a thread of its own, so a slow
 * socket never slows decoding. Generations run side by side in the model's parallel sequences, and a cancel is read
 * while they stream. The process ends with {@link Runtime#halt} because the binding leaves a non-daemon native thread
 * behind that would keep the JVM alive.
 */
public final class EngineHost {

    private static final Logger LOG = LoggerFactory.getLogger(EngineHost.class);

    private final Engine engine;
    private final JsonLines lines;
    /** Held by the one thread that reads stdin. */
    private final Lock readTurn = new ReentrantLock();
    /** Threads that read or wait to: never zero for longer than a hand-over, so a cancel is always read. */
    private final AtomicInteger readers = new AtomicInteger();
    /** A load replaces the model under every generation: it waits for them, and they for it. */
    private final ReadWriteLock model = new ReentrantReadWriteLock();
    private final CountDownLatch ended = new CountDownLatch(1);

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
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(args[1])));
            JsonLines lines = new JsonLines(new FileInputStream(FileDescriptor.in), Channels.newOutputStream(channel));
            EngineHost host = new EngineHost(new LlamaEngine(Path.of(args[0])), lines);
            JsonLines.warmUp();
            host.startReader();
            host.ended.await();
        } catch (IOException | RuntimeException e) {
            LOG.error("engine host failed", e);
            status = 1;
        } catch (InterruptedException e) {
            status = 1;
        }
        Runtime.getRuntime().halt(status);
    }

    private void startReader() {
        readers.incrementAndGet();
        Thread.ofPlatform().name("engine-request").daemon().start(this::serve);
    }

    /** Reads requests until one must run, runs it, and goes back to reading only if no other thread does. */
    private void serve() {
        while (true) {
            Request request = nextRequest();
            switch (request) {
                case null -> {
                    end();
                    return;
                }
                case Request.Shutdown shutdown -> {
                    end();
                    return;
                }
                case Request.Cancel cancel -> engine.cancel();
                default -> {
                    if (readers.decrementAndGet() == 0) {
                        startReader();
                    }
                    run(request);
                    readers.incrementAndGet();
                }
            }
        }
    }

    /** The next request, or null once the app closed stdin or died. */
    private Request nextRequest() {
        readTurn.lock();
        try {
            Request request = lines.read(Request.class);
            if (request == null) {
                LOG.info("the app closed the engine's stdin");
            }
            return request;
        } catch (IOException e) {
            LOG.warn("cannot read from the app: {}", e.getMessage());
            return null;
        } finally {
            readTurn.unlock();
        }
    }

    /** Stops what runs, gives it a moment to send its last reply, and lets the process end. */
    private void end() {
        engine.cancel();
        try {
            model.writeLock().tryLock(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ended.countDown();
    }

    /** Answers one request: its last reply is sent before the model lock is let go, which {@link #end} waits for. */
    private void run(Request request) {
        Lock lock = request instanceof Request.Load ? model.writeLock() : model.readLock();
        lock.lock();
        try {
            send(answerOrFailure(request));
        } finally {
            lock.unlock();
        }
    }

    private Reply answerOrFailure(Request request) {
        try {
            return answer(request);
        } catch (ModelLoadException e) {
            return new Reply.Failed(request.id(), true, e instanceof BackendUnavailableException, e.getMessage());
        } catch (EngineException | RuntimeException e) {
            return new Reply.Failed(request.id(), false, false, String.valueOf(e.getMessage()));
        } catch (Throwable e) {
            // The app waits for an answer to every request: even a linkage error or an OOM gets one.
            LOG.error("request {} failed", request.id(), e);
            return new Reply.Failed(request.id(), false, false, e.toString());
        }
    }

    private Reply answer(Request request) throws EngineException {
        long id = request.id();
        return switch (request) {
            case Request.Load load -> new Reply.Loaded(id, engine.load(load.settings()));
            case Request.Chat chat -> new Reply.Finished(id, engine.chat(chat.turns(), chat.sampling(), chat.jsonSchema(),
                    sinkFor(id)));
            case Request.Complete complete -> new Reply.Finished(id, engine.complete(complete.request(), sinkFor(id)));
            case Request.Tokenize tokenize -> new Reply.TokenIds(id, engine.tokenize(tokenize.text()));
            case Request.Status status -> status(id);
            case Request.Cancel cancel -> throw new IllegalStateException("cancel is handled where it is read");
            case Request.Shutdown shutdown -> throw new IllegalStateException("shutdown is handled where it is read");
        };
    }

    private TokenSink sinkFor(long id) {
        return new TokenSink() {
            @Override
            public void token(String text) {
                send(new Reply.Token(id, text));
            }

            @Override
            public void promptRendered(String prompt) {
                send(new Reply.Prompt(id, prompt));
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

    private void send(Reply reply) {
        try {
            lines.send(reply);
        } catch (IOException e) {
            LOG.warn("the app stopped listening: {}", e.getMessage());
            Runtime.getRuntime().halt(0);
        }
    }
}
