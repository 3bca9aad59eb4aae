package dev.ponder.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.download.DiskSpace;
import dev.ponder.download.DownloadQueue;
import dev.ponder.download.DownloadTask;
import dev.ponder.download.Downloader;
import dev.ponder.download.HubEndpoint;
import dev.ponder.download.RemoteFile;
import dev.ponder.testing.LocalHub;
import dev.ponder.testing.SharedModel;

/**
 * Ponder's download throughput against curl's on the same file from the same local hub (loopback, the hub's redirect
 * followed by both), printed as a table; nothing is asserted. Ponder's time includes what curl does not do: the
 * metadata request, hashing every byte and syncing the file to disk before it is named. Opt-in:
 * <pre>
 * ./mvnw -B -pl src-test -am test -Dtest=DownloadBenchmark -Dponder.bench=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "ponder.bench", matches = "true")
class DownloadBenchmark {

    private static final String REPO = "bench/files";
    private static final int RUNS = 3;

    @TempDir
    Path dir;

    @Test
    void ponderAgainstCurl() throws Exception {
        Path big = randomFile(dir.resolve("random-1GiB.bin"), 1L << 30);
        try (LocalHub hub = LocalHub.start()) {
            hub.serve(REPO, "stories260K.gguf", SharedModel.stories260K());
            hub.serve(REPO, "random-1GiB.bin", big);
            System.out.println();
            System.out.println("Download from a local hub (loopback), median of " + RUNS + " runs after a warm-up, "
                    + Runtime.getRuntime().availableProcessors() + " cores; ratio = curl's time / Ponder's");
            System.out.printf("%-18s %-14s %12s %12s %12s %12s %7s%n", "file", "server", "bytes", "ponder ms",
                    "curl ms", "ponder MB/s", "ratio");
            row(hub, "stories260K.gguf", Files.size(SharedModel.stories260K()), "as fast as it can");
            row(hub, "random-1GiB.bin", Files.size(big), "as fast as it can");
            // A fast home or campus line: the network, not the CPU, sets the pace, as it does for real downloads.
            hub.throttledTo(100_000_000);
            row(hub, "random-1GiB.bin", Files.size(big), "100 MB/s");
        }
    }

    private void row(LocalHub hub, String name, long size, String server) throws Exception {
        double ponder = median(() -> ponder(hub, name));
        double curl = median(() -> curl(hub, name));
        System.out.printf(Locale.ROOT, "%-18s %-14s %12d %12.1f %12.1f %12.1f %6.2fx%n", name, server, size, ponder,
                curl, size / ponder / 1000, curl / ponder);
    }

    private interface Run {
        double millis() throws Exception;
    }

    private static double median(Run run) throws Exception {
        run.millis();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            times.add(run.millis());
        }
        Collections.sort(times);
        return times.get(RUNS / 2);
    }

    private double ponder(LocalHub hub, String name) throws Exception {
        Path models = Files.createTempDirectory(dir, "ponder");
        Downloader downloader = new Downloader(HubEndpoint.of(hub.endpoint()), DiskSpace.fileSystem(), () -> false,
                Downloader.Options.defaults());
        long start = System.nanoTime();
        try (DownloadQueue queue = new DownloadQueue(downloader, models, 1)) {
            DownloadTask task = queue.enqueue(new RemoteFile(REPO, name, null), null);
            Path file = task.result().get(10, TimeUnit.MINUTES);
            double millis = (System.nanoTime() - start) / 1e6;
            Files.delete(file);
            return millis;
        }
    }

    private double curl(LocalHub hub, String name) throws Exception {
        Path out = dir.resolve("curl.out");
        long start = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-sS", "-L", "-o", out.toString(),
                hub.endpoint() + "/" + REPO + "/resolve/main/" + name).inheritIO().start();
        if (!curl.waitFor(10, TimeUnit.MINUTES) || curl.exitValue() != 0) {
            throw new IllegalStateException("curl failed");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        Files.delete(out);
        return millis;
    }

    /** Random bytes, so that nothing on the way can compress or deduplicate them. */
    private static Path randomFile(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(block);
            }
        }
        return file;
    }
}
