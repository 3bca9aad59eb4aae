package dev.ponder.book.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.book.graph.LearningGraphFiles;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.llama.LlamaEngine;
import dev.ponder.testing.SharedModel;

/**
 * The whole pipeline through the real llama.cpp engine on stories260K with a three-chapter brief: every structured
 * step parses under its grammar, the site is complete, and {@code mkdocs build --strict} passes. The text is
 * nonsense; the test checks structure.
 */
class RealModelBookTest {

    @TempDir
    Path dir;

    @Test
    void aTinyModelWritesACompleteBookThatMkdocsBuildsStrictly() throws Exception {
        Path model = SharedModel.stories260K();
        Files.copy(Path.of(getClass().getResource("/dev/ponder/book/brief/tiny-brief.yaml").toURI()),
                dir.resolve(BookJob.BRIEF_FILE));
        List<String> steps = new ArrayList<>();
        try (LlamaEngine engine = new LlamaEngine(dir.resolve("cache"))) {
            engine.load(LoadSettings.defaults(model).withThreads(1).withSeed(7));
            BookJob.Outcome outcome = new BookJob(dir, engine, BookOptions.defaults().withSeed(7), steps::add).run();

            assertThat(outcome.graph().acceptable()).as(outcome.graph().problems().toString()).isTrue();
            assertThat(steps).contains("taxonomy", "concepts-01", "plan-01", "chapter-01-text", "chapter-03-quiz",
                    "glossary-01");

            regeneratingAChapterKeepsAProfessorsEditUnlessToldToOverwrite(engine, outcome);
        }
        assertThat(dir.resolve("docs/learning-graph").resolve(LearningGraphFiles.CSV_FILE)).isRegularFile();
        assertThat(dir.resolve("docs/glossary.md")).isRegularFile();
        assertThat(dir.resolve("docs/book-report.md")).content().contains("## Steps");
        try (var chapters = Files.list(dir.resolve("docs/chapters"))) {
            assertThat(chapters.toList()).hasSize(3);
        }
        mkdocsBuildsStrictly(dir);
    }

    @Test
    void chaptersWrittenInTwoParallelSequencesMakeACompleteBook() throws Exception {
        Path model = SharedModel.stories260K();
        Files.copy(Path.of(getClass().getResource("/dev/ponder/book/brief/tiny-brief.yaml").toURI()),
                dir.resolve(BookJob.BRIEF_FILE));
        List<String> steps = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LlamaEngine engine = new LlamaEngine(dir.resolve("cache"))) {
            engine.load(LoadSettings.defaults(model).withThreads(1).withSeed(7).withParallel(2)
                    .withContextSize(4096));
            // Two sequences share llama.cpp's batches, so a seeded reply depends on what the other sequence is
            // doing: a tiny model's quiz can overrun its budget three times. A professor would resume, and a
            // resumed step samples anew; the book must then be complete.
            for (int run = 1; ; run++) {
                try {
                    new BookJob(dir, engine, BookOptions.defaults().withSeed(7), steps::add).run();
                    break;
                } catch (BookJobException rejected) {
                    assertThat(run).as("runs before the book is complete: " + rejected.getMessage()).isLessThan(3);
                }
            }
        }
        assertThat(steps).contains("chapter-01-quiz", "chapter-02-quiz", "chapter-03-quiz");
        mkdocsBuildsStrictly(dir);
    }

    private void regeneratingAChapterKeepsAProfessorsEditUnlessToldToOverwrite(LlamaEngine engine,
                                                                               BookJob.Outcome first)
            throws Exception {
        String page = "docs/" + first.site().written().stream().filter(path -> path.matches(".*chapters/01-.*/index.md"))
                .findFirst().orElseThrow().replaceFirst("^docs/", "");
        Path file = dir.resolve(page);
        Files.writeString(file, Files.readString(file) + "\nA note the professor added.\n");
        try (JobStore store = JobStore.open(dir)) {
            assertThat(store.forget(BookJob.Part.TEXT.step(1))).isTrue();
        }

        BookJob.Outcome kept = new BookJob(dir, engine, BookOptions.defaults().withSeed(7), step -> { }).run();
        assertThat(kept.site().keptHandEdited()).anyMatch(path -> path.endsWith(page));
        assertThat(file).content().contains("A note the professor added.");

        try (JobStore store = JobStore.open(dir)) {
            store.forget(BookJob.Part.TEXT.step(1));
            assertThat(store.starts(BookJob.Part.TEXT.step(1))).isEqualTo(2);
        }
        new BookJob(dir, engine, BookOptions.defaults().withSeed(7).overwritingHandEdits(true), step -> { }).run();
        assertThat(file).content().doesNotContain("A note the professor added.");
    }

    static void mkdocsBuildsStrictly(Path book) throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("mkdocs", "--version").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            String message = "SKIPPED mkdocs check: mkdocs is not installed (.ci/run installs it)";
            System.err.println("!!! " + message);
            Assumptions.abort(message);
            return;
        }
        probe.waitFor(30, TimeUnit.SECONDS);
        Process build = new ProcessBuilder("mkdocs", "build", "--strict", "-d", "site").directory(book.toFile())
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes());
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(output).isZero();
        assertThat(book.resolve("site/index.html")).isRegularFile();
    }
}
