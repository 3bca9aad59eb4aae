package dev.ponder.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.book.job.JobStore;
import dev.ponder.book.job.StepRecord;
import dev.ponder.testing.SharedModel;
import dev.ponder.ui.Main;

/**
 * {@code ponder book new} killed with SIGKILL mid-job, then {@code ponder book resume}: the book comes out with the
 * same structure as a run that was never killed, and no step that had finished ran again.
 */
class BookKillResumeTest {

    @TempDir
    Path dir;

    @Test
    void aKilledJobResumesAtItsFirstUnfinishedStepAndEndsWithTheSameBook() throws Exception {
        Path model = SharedModel.stories260K();
        Path brief = Path.of(System.getProperty("ponder.root"), "textbook-generator", "src", "test", "resources",
                "dev", "ponder", "book", "brief", "tiny-brief.yaml");

        Path whole = dir.resolve("whole");
        assertThat(ponder("book", "new", "--brief", brief.toString(), "--model", model.toString(), "--out",
                whole.toString(), "--threads", "1", "--seed", "7").waitFor()).isZero();

        Path killed = dir.resolve("killed");
        Process job = start("book", "new", "--brief", brief.toString(), "--model", model.toString(), "--out",
                killed.toString(), "--threads", "1", "--seed", "7");
        List<String> finishedBeforeKill = waitForSteps(killed, 4, Duration.ofSeconds(60));
        job.destroyForcibly().waitFor();
        assertThat(Files.exists(killed.resolve("mkdocs.yml"))).as("killed before the site was written").isFalse();

        assertThat(ponder("book", "resume", killed.toString()).waitFor()).isZero();

        try (JobStore store = JobStore.open(killed)) {
            for (String step : finishedBeforeKill) {
                assertThat(store.starts(step)).as("starts of " + step + ", finished before the kill").isEqualTo(1);
            }
            assertThat(store.all()).allMatch(StepRecord::done);
        }
        assertThat(files(killed.resolve("docs"))).isEqualTo(files(whole.resolve("docs")));
        assertThat(Files.readString(killed.resolve("mkdocs.yml"))).isEqualTo(Files.readString(whole.resolve(
                "mkdocs.yml")));
    }

    private List<String> waitForSteps(Path book, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(book.resolve(JobStore.FILE_NAME))) {
                try (JobStore store = JobStore.open(book)) {
                    List<String> done = new ArrayList<>();
                    store.all().stream().filter(StepRecord::done).forEach(step -> done.add(step.name()));
                    if (done.size() >= count) {
                        return done;
                    }
                } catch (RuntimeException e) {
                    // The job may be creating its record right now.
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job did not finish " + count + " steps within " + timeout);
    }

    private static Set<String> files(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private Process ponder(String... args) throws Exception {
        Process process = start(args);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("ponder " + String.join(" ", args) + " did not finish");
        }
        return process;
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out-" + System.nanoTime() + ".txt").toFile()).start();
    }
}
