package dev.ponder.book.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.book.graph.Concept;
import dev.ponder.book.graph.GraphEdits;
import dev.ponder.book.graph.LearningGraph;
import dev.ponder.book.graph.LearningGraphFiles;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.llama.LlamaEngine;
import dev.ponder.testing.SharedModel;

/**
 * What the window does with a job, through the real engine on stories260K: the learning graph alone, reviewed and
 * edited before the chapters; a pause that keeps the step in flight; a cancel that keeps nothing of it.
 */
class BookJobControlTest {

    @TempDir
    Path dir;

    private LlamaEngine engine;

    @BeforeEach
    void startEngine() throws Exception {
        Path model = SharedModel.stories260K();
        Files.copy(Path.of(getClass().getResource("/dev/ponder/book/brief/tiny-brief.yaml").toURI()),
                dir.resolve(BookJob.BRIEF_FILE));
        engine = new LlamaEngine(dir.resolve("cache"));
        engine.load(LoadSettings.defaults(model).withThreads(1).withSeed(7));
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theBookIsWrittenFromTheGraphAsTheProfessorEditedIt() throws Exception {
        List<String> steps = new ArrayList<>();
        new BookJob(dir, engine, BookOptions.defaults().withSeed(7), steps::add).learningGraph();

        assertThat(steps).contains("taxonomy", "concepts-01").noneMatch(step -> step.startsWith("plan"));
        Path graphDir = dir.resolve("docs/learning-graph");
        LearningGraph generated = LearningGraphFiles.read(graphDir);
        Concept removed = generated.concepts().getLast();
        LearningGraph edited = GraphEdits.addConcept(GraphEdits.removeConcept(generated, removed.id()),
                "Whisker Care", generated.concepts().getFirst().taxonomyId(),
                List.of(generated.concepts().getFirst().id()));
        ReviewedGraph.write(dir, edited);

        BookJob.Outcome outcome = new BookJob(dir, engine, BookOptions.defaults().withSeed(7), step -> { }).run();

        List<String> labels = LearningGraphFiles.read(graphDir).concepts().stream().map(Concept::label).toList();
        assertThat(labels).contains("Whisker Care").doesNotContain(removed.label());
        assertThat(outcome.steps()).extracting(StepRecord::name).contains("chapter-03-quiz");
        assertThat(dir.resolve("docs/book-report.md")).content().contains("reviewed and edited");
    }

    @Test
    void aPauseKeepsTheStepInFlightAndResumeGoesOnFromThere() throws Exception {
        AtomicReference<BookJob> job = new AtomicReference<>();
        job.set(new BookJob(dir, engine, BookOptions.defaults().withSeed(7), new JobProgress() {
            @Override
            public void started(String step) {
            }

            @Override
            public void finished(StepRecord record) {
                job.get().pause();
            }
        }));

        assertThatThrownBy(() -> job.get().run()).isInstanceOfSatisfying(JobStop.JobStopped.class,
                stopped -> assertThat(stopped.cancelled()).isFalse());
        try (JobStore store = JobStore.open(dir)) {
            assertThat(store.all()).extracting(StepRecord::name).containsExactly("taxonomy");
        }

        List<String> resumed = new ArrayList<>();
        new BookJob(dir, engine, BookOptions.defaults().withSeed(7), resumed::add).run();
        assertThat(resumed).doesNotContain("taxonomy").contains("concepts-01", "glossary-01");
    }

    @Test
    void aCancelledStepIsNotKept() throws Exception {
        AtomicReference<BookJob> job = new AtomicReference<>();
        job.set(new BookJob(dir, engine, BookOptions.defaults().withSeed(7), step -> {
            if (step.equals("plan-01")) {
                job.get().cancel();
            }
        }));

        assertThatThrownBy(() -> job.get().run()).isInstanceOfSatisfying(JobStop.JobStopped.class,
                stopped -> assertThat(stopped.cancelled()).isTrue());
        try (JobStore store = JobStore.open(dir)) {
            assertThat(store.find("plan-01")).isEmpty();
            assertThat(store.find("concepts-01")).hasValueSatisfying(record -> assertThat(record.done()).isTrue());
        }
    }
}
