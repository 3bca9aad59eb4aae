package dev.ponder.hardware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a system tool ({@code nvidia-smi}, {@code vulkaninfo}) and hands back what it printed. A tool that is missing,
 * fails or hangs gives an empty result, never an exception: the probe then says "unknown".
 */
@FunctionalInterface
public interface ToolRunner {

    /** The tool's standard output when it ran and exited with 0 in time, else empty. */
    Optional<String> run(List<String> command);

    /** The real one: a child process, killed after {@code timeout}. */
    static ToolRunner system(Duration timeout) {
        Logger log = LoggerFactory.getLogger(ToolRunner.class);
        return command -> {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                log.debug("{} is not available: {}", command.getFirst(), e.getMessage());
                return Optional.empty();
            }
            // Read on another thread: a tool that fills the pipe and then waits must not stall the probe.
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            }, Thread::startVirtualThread);
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.debug("{} did not answer in {}", command.getFirst(), timeout);
                    process.destroyForcibly();
                    return Optional.empty();
                }
                return process.exitValue() == 0 ? Optional.of(new String(output.join(), StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }
}
