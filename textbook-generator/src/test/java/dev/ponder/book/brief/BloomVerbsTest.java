package dev.ponder.book.brief;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ponder.book.content.BloomLevel;

class BloomVerbsTest {

    @Test
    void levelsOfTheVerbsInTheBrief() {
        assertThat(BloomVerbs.levelOf("define")).contains(BloomLevel.REMEMBER);
        assertThat(BloomVerbs.levelOf("Summarize")).contains(BloomLevel.UNDERSTAND);
        assertThat(BloomVerbs.levelOf("implements")).contains(BloomLevel.APPLY);
        assertThat(BloomVerbs.levelOf("analyses")).contains(BloomLevel.ANALYZE);
        assertThat(BloomVerbs.levelOf("justifies")).contains(BloomLevel.EVALUATE);
        assertThat(BloomVerbs.levelOf("formulate")).contains(BloomLevel.CREATE);
        assertThat(BloomVerbs.levelOf("understand")).isEmpty();
    }

    @Test
    void findsTheLeadingVerbAfterALeadIn() {
        assertThat(BloomVerbs.find("Students will be able to compare A* and greedy search"))
                .contains(new BloomVerbs.Match("compare", BloomLevel.ANALYZE, true));
        assertThat(BloomVerbs.find("By the end of the course, you should design a small agent"))
                .contains(new BloomVerbs.Match("design", BloomLevel.CREATE, true));
        assertThat(BloomVerbs.find("1. Explains the role of heuristics"))
                .contains(new BloomVerbs.Match("explain", BloomLevel.UNDERSTAND, true));
    }

    @Test
    void aVerbLaterInTheOutcomeIsFoundButNotLeading() {
        assertThat(BloomVerbs.find("Understand and explain search"))
                .contains(new BloomVerbs.Match("explain", BloomLevel.UNDERSTAND, false));
        assertThat(BloomVerbs.vagueLead("Understand and explain search")).contains("understand");
    }

    @Test
    void nounsThatLookLikeVerbsAreNotTakenOutsideTheLead() {
        assertThat(BloomVerbs.find("Know the state space and the list of search methods")).isEmpty();
        assertThat(BloomVerbs.find("Learn about neural networks")).isEmpty();
    }
}
