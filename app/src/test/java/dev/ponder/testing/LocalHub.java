package dev.ponder.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Hugging Face-shaped file host on the loopback address, with faults to order. {@code /{repo}/resolve/{rev}/{file}}
 * answers as the hub does for LFS files: a 302 carrying {@code X-Linked-Etag} (the SHA-256) and
 * {@code X-Linked-Size}, to {@code /cdn/{sha256}}, which serves the bytes with ranges. Nothing here reaches beyond
 * this machine.
 */
public final class LocalHub implements AutoCloseable {

    private static final int CHUNK = 64 << 10;

    private record Served(Path file, String sha256) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Served> byPath = new ConcurrentHashMap<>();
    private final Map<String, Served> bySha = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private volatile boolean redirect = true;
    private volatile String advertisedSha256;
    private volatile int forcedStatus;
    private volatile boolean forceOnRangesOnly;
    private volatile boolean ignoreRanges;
    private volatile boolean hideSize;
    private volatile long bytesPerSecond;
    private final AtomicInteger dropsLeft = new AtomicInteger();
    private volatile long dropAtByte;
    private volatile long stallAtByte = -1;

    private LocalHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LocalHub start() {
        try {
            return new LocalHub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint to give the downloader, e.g. {@code http://127.0.0.1:40123}. */
    public String endpoint() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Serves {@code file} as {@code repo/path} at every revision; returns its SHA-256. */
    public String serve(String repo, String path, Path file) {
        Served served = new Served(file, Sha256.of(file));
        byPath.put(repo + "/" + path, served);
        bySha.put(served.sha256(), served);
        return served.sha256();
    }

    /** Serve the bytes at the resolve address itself, with {@code ETag}, as the hub does for small files. */
    public LocalHub withoutRedirect() {
        redirect = false;
        return this;
    }

    /** Publish this checksum instead of the real one. */
    public LocalHub advertising(String sha256) {
        advertisedSha256 = sha256;
        return this;
    }

    /** Answer every request with this status. */
    public LocalHub failingWith(int status) {
        forcedStatus = status;
        forceOnRangesOnly = false;
        return this;
    }

    /** Answer requests for a range with this status (e.g. 416), others normally. */
    public LocalHub failingRangesWith(int status) {
        forcedStatus = status;
        forceOnRangesOnly = true;
        return this;
    }

    /** Send the whole file with 200 to range requests, as servers without range support do. */
    public LocalHub ignoringRanges() {
        ignoreRanges = true;
        return this;
    }

    /** Say nothing of the size: no size headers, the body sent in chunks. */
    public LocalHub hidingTheSize() {
        hideSize = true;
        return this;
    }

    /** Send at most this many bytes a second. */
    public LocalHub throttledTo(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** The next {@code times} transfers break off (the connection closes) once byte {@code atByte} is sent. */
    public LocalHub droppingAt(long atByte, int times) {
        dropAtByte = atByte;
        dropsLeft.set(times);
        return this;
    }

    /** Transfers that start before byte {@code atByte} send up to it, then nothing more, without closing. */
    public LocalHub stallingAt(long atByte) {
        stallAtByte = atByte;
        return this;
    }

    /** Every request so far: "HEAD /path" or "GET /cdn/... bytes=100-". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add(exchange.getRequestMethod() + " " + path + (range == null ? "" : " " + range));
            if (forcedStatus != 0 && (!forceOnRangesOnly || range != null)) {
                exchange.sendResponseHeaders(forcedStatus, -1);
                return;
            }
            Served served = find(path);
            if (served == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String sha = advertisedSha256 != null ? advertisedSha256 : served.sha256();
            long size = Files.size(served.file());
            boolean atResolve = path.contains("/resolve/");
            if (atResolve && redirect) {
                exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
                if (!hideSize) {
                    exchange.getResponseHeaders().add("X-Linked-Size", Long.toString(size));
                }
                exchange.getResponseHeaders().add("ETag", "\"0123456789abcdef0123456789abcdef01234567\"");
                exchange.getResponseHeaders().add("Location", "/cdn/" + served.sha256() + "?signature=x");
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"" + sha + "\"");
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            if (exchange.getRequestMethod().equals("HEAD")) {
                if (!hideSize) {
                    exchange.getResponseHeaders().add("X-Linked-Size", Long.toString(size));
                }
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            long start = range == null || ignoreRanges ? 0 : Long.parseLong(range.replaceAll("\\D*(\\d+)-.*", "$1"));
            if (start >= size && start > 0) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + size);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            if (start > 0) {
                exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (size - 1) + "/" + size);
            }
            // A length of 0 tells the JDK server to send the body in chunks, without Content-Length.
            exchange.sendResponseHeaders(start > 0 ? 206 : 200, hideSize ? 0 : size - start);
            send(served.file(), start, exchange.getResponseBody());
        }
    }

    private Served find(String path) {
        if (path.startsWith("/cdn/")) {
            return bySha.get(path.substring(5));
        }
        int resolve = path.indexOf("/resolve/");
        if (resolve < 0) {
            return null;
        }
        String repo = path.substring(1, resolve);
        String rest = path.substring(resolve + "/resolve/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : byPath.get(repo + "/" + rest.substring(slash + 1));
    }

    private void send(Path file, long start, OutputStream out) throws IOException {
        boolean drop = dropAtByte > start && dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        boolean stall = stallAtByte > start;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            byte[] buffer = new byte[CHUNK];
            long at = start;
            long began = System.nanoTime();
            for (int n; (n = in.read(buffer, 0, (int) limit(at, drop, stall))) > 0; ) {
                out.write(buffer, 0, n);
                at += n;
                pace(at - start, began);
                if (drop && at >= dropAtByte) {
                    out.flush();
                    // Closing the exchange with bytes missing closes the connection: a dropped download.
                    throw new IOException("dropped by the test at byte " + at);
                }
                if (stall && at >= stallAtByte) {
                    out.flush();
                    stall();
                }
            }
        }
    }

    private long limit(long at, boolean drop, boolean stall) {
        long limit = CHUNK;
        if (drop) {
            limit = Math.min(limit, dropAtByte - at);
        }
        if (stall) {
            limit = Math.min(limit, stallAtByte - at);
        }
        return Math.max(1, limit);
    }

    private void pace(long sent, long began) {
        if (bytesPerSecond <= 0) {
            return;
        }
        long due = began + sent * 1_000_000_000L / bytesPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void stall() throws IOException {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stalled until the server stopped", e);
        }
    }
}
