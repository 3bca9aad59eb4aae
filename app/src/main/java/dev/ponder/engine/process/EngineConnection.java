package dev.ponder.engine.process;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ponder.engine.EngineCrashed;
import dev.ponder.engine.EngineException;

/**
 * One life of the engine child: the process, its socket, and the replies waiting to be taken. When the child dies,
 * every waiting request gets {@link EngineCrashed} with its last log lines; a new life is a new connection.
 */
final class EngineConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConnection.class);
    private static final Reply GONE = new Reply.Done(-1);

    private final Process process;
    private final SocketChannel channel;
    private final JsonLines lines;
    private final ChildLog log;
    private final Map<Long, BlockingQueue<Reply>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean dead;
    private volatile boolean closing;

    private EngineConnection(Process process, SocketChannel channel, ChildLog log) {
        this.process = process;
        this.channel = channel;
        // Requests go down the child's stdin, written by the thread that makes them: a pipe's stream, unlike a socket
        // channel, is not closed when a writer is interrupted (a cancelled UI task is), and handing them to a writer
        // thread would cost a wake-up, 0.2-0.3 ms on a GPU machine's idle cores, before every first token.
        this.lines = new JsonLines(Channels.newInputStream(channel), process.getOutputStream());
        this.log = log;
        Thread.ofPlatform().name("engine-reader-" + process.pid()).daemon().start(this::readReplies);
    }

    /** Starts a child with the given command (the socket path is appended) and waits until it connects. */
    static EngineConnection start(List<String> command, Duration timeout) throws EngineException {
        Path socketDir;
        try {
            // A fresh owner-only folder: no other local user can connect to the engine or plant a socket.
            socketDir = Files.createTempDirectory("ponder-engine-");
        } catch (IOException e) {
            throw new EngineException("cannot create the engine socket folder: " + e.getMessage(), e);
        }
        Path socket = socketDir.resolve("engine.sock");
        ChildLog log = new ChildLog(200);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Process process = spawn(command, socket, log);
            CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, runnable -> Thread.ofVirtual().start(runnable));
            JsonLines.warmUp();
            SocketChannel channel = awaitConnection(accepted, process, log, timeout);
            return new EngineConnection(process, channel, log);
        } catch (IOException e) {
            throw new EngineException("cannot open the engine socket " + socket + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(socket);
            deleteQuietly(socketDir);
        }
    }

    private static Process spawn(List<String> command, Path socket, ChildLog log) throws EngineException {
        List<String> full = new java.util.ArrayList<>(command);
        full.add(socket.toString());
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            log.drain(process.getInputStream(), process.pid());
            return process;
        } catch (IOException e) {
            throw new EngineException("cannot start the engine process (" + full.getFirst() + "): "
                    + e.getMessage(), e);
        }
    }

    private static SocketChannel awaitConnection(CompletableFuture<SocketChannel> accepted, Process process,
                                                 ChildLog log, Duration timeout) throws EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return accepted.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    List<String> lastLines = log.lastLines();
                    throw new EngineCrashed("it exited with code " + process.exitValue() + " while starting ("
                            + String.join(" | ", lastLines.subList(Math.max(0, lastLines.size() - 3),
                            lastLines.size())) + ")", lastLines);
                }
            } catch (ExecutionException e) {
                process.destroyForcibly();
                throw new EngineException("the engine could not connect: " + e.getCause().getMessage(), e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted while the engine started", e);
            }
        }
        process.destroyForcibly();
        throw new EngineCrashed("it did not start within " + timeout.toMillis() + " ms", log.lastLines());
    }

    private void readReplies() {
        try {
            for (Reply reply; (reply = lines.read(Reply.class)) != null; ) {
                BlockingQueue<Reply> queue = waiting.get(reply.id());
                if (queue != null) {
                    queue.add(reply);
                }
            }
        } catch (IOException e) {
            LOG.debug("engine socket closed: {}", e.getMessage());
        }
        dead = true;
        waiting.values().forEach(queue -> queue.add(GONE));
    }

    /** An exchange whose replies the caller takes with {@link #next}. */
    long send(Request.Factory factory) throws EngineException {
        long id = ids.incrementAndGet();
        waiting.put(id, new LinkedBlockingQueue<>());
        try {
            write(factory.create(id));
        } catch (EngineException e) {
            waiting.remove(id);
            throw e;
        }
        return id;
    }

    /** The next reply to request {@code id}; the exchange ends after its last reply. */
    Reply next(long id) throws EngineException {
        BlockingQueue<Reply> queue = waiting.get(id);
        if (queue == null) {
            throw new IllegalStateException("no request " + id + " is waiting");
        }
        Reply reply;
        try {
            reply = queue.take();
        } catch (InterruptedException e) {
            waiting.remove(id);
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the engine", e);
        }
        if (reply == GONE) {
            waiting.remove(id);
            throw crashed();
        }
        if (reply.last()) {
            waiting.remove(id);
        }
        return reply;
    }

    /** Sends a request that expects no reply of its own (cancel). */
    void tell(Request request) throws EngineException {
        write(request);
    }

    private void write(Request request) throws EngineException {
        if (dead) {
            throw crashed();
        }
        try {
            lines.send(request);
        } catch (IOException e) {
            LOG.debug("the engine's stdin closed: {}", e.getMessage());
            throw crashed();
        }
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    boolean alive() {
        return !dead && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    private EngineCrashed crashed() {
        String what;
        try {
            // The socket closes a moment before the exit status is known.
            boolean exited = process.waitFor(1, TimeUnit.SECONDS);
            what = exited ? describeExit(process.exitValue()) : "its connection broke";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            what = "its connection broke";
        }
        return new EngineCrashed(what, log.lastLines());
    }

    static String describeExit(int code) {
        if (code > 128 && code < 160) {
            int signal = code - 128;
            String name = switch (signal) {
                case 6 -> "SIGABRT, a native abort";
                case 9 -> "SIGKILL, killed";
                case 11 -> "SIGSEGV, a native crash";
                case 15 -> "SIGTERM";
                default -> "signal " + signal;
            };
            return "the engine process ended by " + name + " (exit code " + code + ")";
        }
        return "the engine process exited with code " + code;
    }

    /** Asks the child to stop, and makes sure it does. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (!waiting.isEmpty()) {
            // Whoever waits would wait for llama.cpp to finish what it started: stop the child now instead.
            process.destroyForcibly();
        }
        try {
            if (!dead) {
                write(new Request.Shutdown(nextId()));
            }
        } catch (EngineException e) {
            LOG.debug("engine already gone: {}", e.getMessage());
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                LOG.warn("the engine did not stop when asked; killing it");
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the engine socket: {}", e.getMessage());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", path, e.getMessage());
        }
    }
}
