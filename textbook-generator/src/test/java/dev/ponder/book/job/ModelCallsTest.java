package dev.ponder.book.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.ponder.book.steps.QuizStep;
import dev.ponder.engine.Sampling;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.testing.ScriptedEngine;

class ModelCallsTest {

    private static final String GOOD = """
            {"questions":[{"question":"What is a heuristic?","options":["An estimate","A proof","A loop","A set"],
            "correct":0,"explanation":"It estimates the remaining cost."}]}""";

    @Test
    void brokenJsonIsSentBackWithItsProblemAndTheValidRetryIsKept() throws Exception {
        ScriptedEngine engine = ScriptedEngine.replying("{\"questions\":[{\"quest", GOOD);
        ModelCalls calls = new ModelCalls(engine, ReasoningMarkers.DEFAULT, 3);

        ModelCalls.Result result = calls.structured("Write a quiz", QuizStep.schema(1, 200), Sampling.greedy(400),
                QuizStep::check);

        assertThat(result.text()).isEqualTo(GOOD.strip());
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(engine.lastTurns()).singleElement().extracting(turn -> turn.content()).asString()
                .startsWith("Write a quiz").contains("rejected").contains("not complete JSON");
    }

    @Test
    void aReplyThatNeverPassesFailsTheStepWithTheLastProblems() {
        ScriptedEngine engine = ScriptedEngine.replying("not json at all");
        ModelCalls calls = new ModelCalls(engine, ReasoningMarkers.DEFAULT, 3);

        var rejected = assertThrows(ModelCalls.RepliesRejected.class, () -> calls.structured("Write a quiz",
                QuizStep.schema(1, 200), Sampling.greedy(400), QuizStep::check));

        assertThat(engine.calls()).isEqualTo(3);
        assertThat(rejected.problems()).anyMatch(p -> p.contains("not complete JSON"));
    }

    @Test
    void thinkingIsKeptApartFromTheReply() throws Exception {
        ScriptedEngine engine = ScriptedEngine.replying("<think>Let me plan a quiz.</think>" + GOOD);
        var result = new ModelCalls(engine, ReasoningMarkers.DEFAULT, 1).structured("Write a quiz",
                QuizStep.schema(1, 200), Sampling.greedy(400), QuizStep::check);
        assertThat(result.thinking()).isEqualTo("Let me plan a quiz.");
        assertThat(result.text()).startsWith("{");
    }
}
