package dev.ponder.book.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuizStepTest {

    private static final String GOOD = """
            {"questions":[{"question":"What does BFS explore first?","options":["The nearest nodes","The deepest nodes",
            "Random nodes","The goal"],"correct":0,"explanation":"Breadth-first search expands by depth order."}]}""";

    @Test
    void aQuizWithOneCorrectOptionAmongDistinctOnesPasses() {
        assertThat(QuizStep.check(GOOD)).isEmpty();
        var quiz = QuizStep.parse(GOOD);
        assertThat(quiz.questions()).hasSize(1);
        assertThat(quiz.questions().getFirst().correct()).isZero();
    }

    @Test
    void aQuizWithTheRightAnswerTwiceHasTwoCorrectOptionsAndIsRejected() {
        String twoRight = GOOD.replace("\"Random nodes\"", "\"the nearest  nodes!\"");
        assertThat(QuizStep.check(twoRight)).singleElement().asString().contains("twice")
                .contains("two options would be right");
    }

    @Test
    void brokenJsonIsRejectedWithAHintToWriteLess() {
        assertThat(QuizStep.check(GOOD.substring(0, 60))).singleElement().asString().contains("not complete JSON");
    }

    @Test
    void aQuestionWithoutACorrectIndexIsRejected() {
        assertThat(QuizStep.check(GOOD.replace("\"correct\":0", "\"correct\":7"))).anyMatch(p -> p.contains("index"));
    }

    @Test
    void thinkingMarkersLeftInTheTextAreRejected() {
        assertThat(QuizStep.check(GOOD.replace("Breadth-first", "</think> Breadth-first")))
                .anyMatch(p -> p.contains("thinking markers"));
    }
}
