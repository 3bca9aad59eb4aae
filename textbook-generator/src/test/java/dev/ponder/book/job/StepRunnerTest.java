package dev.ponder.book.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRunnerTest {

    @TempDir
    Path dir;

    @Test
    void aFinishedStepIsNotRunAgainForTheSameInputsEvenAfterReopening() {
        List<String> ran = new ArrayList<>();
        try (JobStore store = JobStore.open(dir)) {
            new StepRunner(store, ran::add).run("plan", "h1", round -> new ModelCalls.Result("{}", "", 1, 5, 10));
        }
        try (JobStore store = JobStore.open(dir)) {
            String output = new StepRunner(store, ran::add).run("plan", "h1", round -> {
                throw new AssertionError("must not run again");
            });
            assertThat(output).isEqualTo("{}");
            assertThat(store.starts("plan")).isEqualTo(1);
        }
        assertThat(ran).containsExactly("plan");
    }

    @Test
    void aStepWhoseInputsChangedRunsAgain() {
        try (JobStore store = JobStore.open(dir)) {
            StepRunner runner = new StepRunner(store, name -> { });
            runner.run("plan", "h1", round -> new ModelCalls.Result("old", "", 1, 5, 10));
            assertThat(runner.run("plan", "h2", round -> new ModelCalls.Result("new", "", 1, 5, 10))).isEqualTo("new");
            assertThat(store.starts("plan")).isEqualTo(2);
        }
    }

    @Test
    void aRejectedStepIsRecordedAsFailedAndStopsTheJobWithAClearMessage() {
        try (JobStore store = JobStore.open(dir)) {
            StepRunner runner = new StepRunner(store, name -> { });
            var failure = assertThrows(BookJobException.class, () -> runner.run("quiz-1", "h", round -> {
                throw new ModelCalls.RepliesRejected(3, List.of("the quiz has no questions"));
            }));
            assertThat(failure).hasMessageContaining("quiz-1").hasMessageContaining("resume");
            assertThat(store.find("quiz-1")).get().matches(record -> !record.done());
        }
    }

    @Test
    void aStepThatFailedIsStartedInAFreshRoundWhenTheJobResumes() {
        List<Integer> rounds = new ArrayList<>();
        try (JobStore store = JobStore.open(dir)) {
            StepRunner runner = new StepRunner(store, name -> { });
            assertThrows(BookJobException.class, () -> runner.run("quiz-1", "h", round -> {
                rounds.add(round);
                throw new ModelCalls.RepliesRejected(3, List.of("two options would be right"));
            }));
            runner.run("quiz-1", "h", round -> {
                rounds.add(round);
                return new ModelCalls.Result("{}", "", 1, 5, 10);
            });
        }
        assertThat(rounds).containsExactly(0, 1);
    }
}
