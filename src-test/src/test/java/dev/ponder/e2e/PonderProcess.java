package dev.ponder.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ponder.cli.PonderCli;

/** Runs the real {@code ponder} command line in its own JVM, as a user's terminal would. */
final class PonderProcess {

    record Result(int exitCode, String out, String err) {
    }

    private PonderProcess() {
    }

    static ProcessBuilder builder(Path workDir, String... args) {
        return builder(workDir, List.of(), args);
    }

    /** With more JVM options before the main class. */
    static ProcessBuilder builder(Path workDir, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PonderCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile());
    }

    static Result run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        return run(builder(workDir, args), workDir, stdin, args);
    }

    /** Runs a prepared command (extra JVM options, environment) to its end. */
    static Result run(ProcessBuilder builder, Path workDir, String stdin, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ponder " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
