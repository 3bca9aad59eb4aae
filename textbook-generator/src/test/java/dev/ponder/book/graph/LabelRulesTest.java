package dev.ponder.book.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Binary Search", "Introduction to the Basics", "Search and Sort", "iPhone App Design",
            "k-NN Classifier", "2D Arrays", "Cross-validation", "Big O Notation", "Thirty Two Characters Exactly Ok"})
    void labelsInTitleCaseWithinThirtyTwoCharactersAreFine(String label) {
        assertThat(LabelRules.problems(label)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary search", "The basics", "the Basics", "", "  ", " Padded", "Two\nLines",
            "A Label That Is Far Too Long To Fit In"})
    void labelsBreakingARuleAreReported(String label) {
        assertThat(LabelRules.problems(label)).isNotEmpty();
    }
}
