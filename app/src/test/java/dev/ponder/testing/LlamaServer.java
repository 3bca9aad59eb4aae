package dev.ponder.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real llama.cpp {@code llama-server}, built from the same sources as {@code native/}, started on 127.0.0.1 for a
 * test or a benchmark and killed after. The binary is the {@code ponder.llamaServer} system property, else the
 * {@code PONDER_LLAMA_SERVER} environment variable, else {@code native/target/cpu/llama-server} in the checkout;
 * when there is none the caller is skipped with a loud message (build it with {@code native/build.sh cpu}).
 */
public final class LlamaServer implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Process process;
    private final URI root;
    private final Path log;

    private LlamaServer(Process process, URI root, Path log) {
        this.process = process;
        this.root = root;
        this.log = log;
    }

    /** The llama-server binary; skips the calling test when there is none. */
    public static Path binary() {
        String configured = System.getProperty("ponder.llamaServer", System.getenv("PONDER_LLAMA_SERVER"));
        Path binary = configured != null && !configured.isBlank() ? Path.of(configured)
                : checkoutRoot().resolve("native/target/cpu/llama-server");
        if (!Files.isExecutable(binary)) {
            String message = "SKIPPED: no llama-server at " + binary + " (build it with native/build.sh cpu, or point"
                    + " -Dponder.llamaServer / PONDER_LLAMA_SERVER at one)";
            System.err.println("!!! " + message);
            Assumptions.abort(message);
        }
        return binary;
    }

    /** The checkout: the nearest folder at or above the working directory that holds the Maven wrapper. */
    private static Path checkoutRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve("mvnw"))) {
                return at;
            }
        }
        return dir;
    }

    /**
     * Starts llama-server on {@code model} with {@code slots} parallel sequences of {@code contextPerSlot} tokens each,
     * one thread, and waits until it answers {@code /health}.
     */
    public static LlamaServer start(Path model, int slots, int contextPerSlot, String... extra) throws IOException,
            InterruptedException {
        Path binary = binary();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-m", model.toString(), "--host",
                "127.0.0.1", "--port", Integer.toString(port), "-np", Integer.toString(slots), "-c",
                Integer.toString(slots * contextPerSlot), "-t", "1", "-tb", "1"));
        command.addAll(List.of(extra));
        Path log = Files.createTempFile("llama-server-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LlamaServer server = new LlamaServer(process, URI.create("http://127.0.0.1:" + port), log);
        server.awaitHealthy();
        return server;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("llama-server exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpURLConnection health = (HttpURLConnection) root.resolve("/health").toURL().openConnection();
                health.setConnectTimeout(500);
                if (health.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException("llama-server did not become healthy in " + START_TIMEOUT_MILLIS + " ms:\n"
                + logTail());
    }

    public URI root() {
        return root;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Kills the server at once (SIGKILL), as a crash or an out-of-memory kill would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The server's last log lines, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A temporary file left behind is harmless.
        }
    }
}
