package dev.ponder.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that answers each path from a script, for what a real llama-server cannot be made to do: split
 * reasoning, refuse a key, rate-limit, send garbage, cut a stream. Each path answers with its scripted answers in
 * turn, the last one again and again; paths without a script answer 404 as servers do.
 */
public final class ScriptedServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One way to answer a request. */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** A request as it came. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    /** Counted down when a client goes away in the middle of a stream. */
    public final CountDownLatch clientLeft = new CountDownLatch(1);

    private ScriptedServer(HttpServer server) {
        this.server = server;
    }

    public static ScriptedServer start() throws IOException {
        ScriptedServer scripted = new ScriptedServer(HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        scripted.server.setExecutor(scripted.threads);
        scripted.server.createContext("/", scripted::handle);
        scripted.server.start();
        return scripted;
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code path} with these answers in turn, the last one from then on. */
    public ScriptedServer on(String path, Answer... answers) {
        scripts.put(path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** A server that lists {@code models} at /v1/models and has no /props: vLLM or Ollama, as far as Ponder knows. */
    public ScriptedServer listing(String... models) {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        for (String model : models) {
            list.withArray("data").addObject().put("id", model).put("object", "model");
        }
        return on("/v1/models", json(200, list.toString()));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        try (exchange) {
            next(path).answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer next(String path) {
        Deque<Answer> script = scripts.get(path);
        if (script == null) {
            return json(404, "{\"error\":{\"code\":404,\"message\":\"File Not Found\",\"type\":\"not_found_error\"}}");
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    public static Answer json(int status, String body) {
        return json(status, body, Map.of());
    }

    public static Answer json(int status, String body, Map<String, String> headers) {
        return exchange -> {
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** A 200 event stream of these raw events, {@code pause} apart. */
    public static Answer stream(Duration pause, String... events) {
        return exchange -> {
            OutputStream out = openStream(exchange);
            for (int i = 0; i < events.length; i++) {
                if (i > 0) {
                    Thread.sleep(pause);
                }
                out.write(events[i].getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    /**
     * Like {@link #stream}, counting the streams open at once ({@link #mostAtOnce()}). A stream counts until just
     * before its last event, which the client must read before it can send another request: the count is exact.
     */
    public Answer counted(Duration pause, String... events) {
        return exchange -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                stream(pause, java.util.Arrays.copyOf(events, events.length - 1)).answer(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
            exchange.getResponseBody().write(events[events.length - 1].getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Like {@link #stream}, then the connection drops without the stream's end, as when a server is killed. */
    public static Answer streamThenDrop(String... events) {
        return exchange -> {
            stream(Duration.ZERO, events).answer(exchange);
            // An exception out of the handler makes the JDK's server close the socket mid-stream.
            throw new IOException("dropped on purpose");
        };
    }

    /** Content chunks {@code pause} apart until the client goes away; then {@link #clientLeft} opens. */
    public Answer endless(Duration pause) {
        return exchange -> {
            OutputStream out = openStream(exchange);
            try {
                for (int i = 0; ; i++) {
                    out.write(Chunks.content("word" + i + " ").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(pause);
                }
            } catch (IOException gone) {
                clientLeft.countDown();
            }
        };
    }

    private static OutputStream openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
