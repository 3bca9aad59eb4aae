package dev.ponder.connections;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's keychain on Linux (GNOME Keyring, KWallet, KeePassXC: whatever serves the freedesktop Secret
 * Service), through libsecret's {@code secret-tool}. The key goes to it on standard input, never as an argument,
 * which other users could read in the process list.
 */
final class SecretToolKeychain {

    private static final long TIMEOUT_SECONDS = 60; // a locked keychain asks the user to unlock it
    private static final String LABEL = "Ponder API key for ";

    private final Path executable;

    SecretToolKeychain(Path executable) {
        this.executable = executable;
    }

    /** {@code secret-tool} on the PATH, if there is one. */
    static Optional<SecretToolKeychain> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "secret-tool");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(new SecretToolKeychain(candidate));
            }
        }
        return Optional.empty();
    }

    void store(URI server, String key) throws IOException {
        List<String> command = command("store", "--label=" + LABEL + server);
        command.addAll(attributes(server));
        run(command, key);
    }

    /** The stored key; empty when there is none. */
    Optional<String> lookup(URI server) throws IOException {
        List<String> command = command("lookup");
        command.addAll(attributes(server));
        Result result = start(command, null);
        if (result.exit() == 0) {
            return Optional.of(result.out());
        }
        if (result.err().isBlank()) {
            return Optional.empty(); // secret-tool's answer for "no such secret": exit 1, nothing said
        }
        throw new IOException("secret-tool lookup failed: " + result.err().strip());
    }

    void clear(URI server) throws IOException {
        List<String> command = command("clear");
        command.addAll(attributes(server));
        run(command, null);
    }

    private List<String> command(String... words) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(words));
        return command;
    }

    private static List<String> attributes(URI server) {
        return List.of("application", "ponder", "server", server.toString());
    }

    private void run(List<String> command, String input) throws IOException {
        Result result = start(command, input);
        if (result.exit() != 0) {
            throw new IOException("secret-tool " + command.get(1) + " failed (exit " + result.exit() + ")"
                    + (result.err().isBlank() ? "" : ": " + result.err().strip()));
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private Result start(List<String> command, String input) throws IOException {
        Process process = new ProcessBuilder(command).start();
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("secret-tool did not answer in " + TIMEOUT_SECONDS + " s (is the keychain "
                        + "locked?)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for secret-tool", e);
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
