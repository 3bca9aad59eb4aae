package dev.ponder.book.graph;

import static dev.ponder.book.graph.Graphs.c;
import static dev.ponder.book.graph.Graphs.course;
import static dev.ponder.book.graph.Graphs.dependencies;
import static dev.ponder.book.graph.Graphs.plus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GraphRepairTest {

    @Test
    void aSoundGraphIsLeftAsItIs() {
        GraphRepair.Repaired repaired = GraphRepair.repair(course());

        assertThat(repaired.graph()).isEqualTo(course());
        assertThat(repaired.changes()).isEmpty();
        assertThat(repaired.changed()).isFalse();
    }

    @Test
    void aCycleIsBrokenAtTheDependencyOfAnEarlierConceptOnALaterOneAndReported() {
        // 2 depends on 6, which depends on 5, which depends on 2: the slip is 2's dependency on 6.
        GraphRepair.Repaired repaired = GraphRepair.repair(dependencies(course(), 2, 1, 6));

        assertThat(repaired.graph()).isEqualTo(course());
        assertThat(repaired.changes()).containsExactly("Concept 2 \"Control Flow\" no longer depends on 6 \"Binary"
                + " Search\": that dependency closed the cycle 2 → 6 → 5 → 2 (each depends on the next).");
        assertThat(GraphChecks.check(repaired.graph()).acceptable()).isTrue();
    }

    @Test
    void cyclesWithoutAnyFoundationAreBrokenFromTheLowestIdWhichBecomesFoundational() {
        LearningGraph graph = new LearningGraph(List.of(c(1, "Chicken", "MISC", 2), c(2, "Egg", "MISC", 1),
                c(3, "Omelette", "MISC", 2, 3)), Graphs.TAXONOMIES);

        GraphRepair.Repaired repaired = GraphRepair.repair(graph);

        assertThat(repaired.graph().concepts()).containsExactly(c(1, "Chicken", "MISC"), c(2, "Egg", "MISC", 1),
                c(3, "Omelette", "MISC", 2));
        assertThat(repaired.changes()).containsExactly(
                "Concept 3 \"Omelette\" no longer depends on itself.",
                "Concept 1 \"Chicken\" no longer depends on 2 \"Egg\": that dependency closed the cycle 1 → 2 → 1"
                        + " (each depends on the next).",
                "Concept 1 \"Chicken\" has no dependencies left and is now foundational.");
        assertThat(GraphChecks.check(repaired.graph()).acceptable()).isTrue();
    }

    @Test
    void everyCycleIsBrokenAndTheRepairIsTheSameEachTime() {
        LearningGraph graph = dependencies(dependencies(dependencies(course(), 2, 1, 3), 8, 7, 9), 9, 3, 8);

        GraphRepair.Repaired first = GraphRepair.repair(graph);

        assertThat(first.changes()).hasSize(2).allMatch(change -> change.contains("closed the cycle"));
        assertThat(GraphChecks.check(first.graph()).cycles()).isEmpty();
        assertThat(GraphRepair.repair(graph)).isEqualTo(first);
    }

    @Test
    void selfAndUnknownAndRepeatedDependenciesAreDroppedWithAReport() {
        LearningGraph graph = plus(dependencies(dependencies(course(), 4, 1, 4, 1), 5, 2, 4, 40),
                c(11, "Quantum Search", "ALGO", 99), c(3, "Closures", "FOUND", 1));

        GraphRepair.Repaired repaired = GraphRepair.repair(graph);

        assertThat(repaired.changes()).containsExactly(
                "Dropped concept 3 \"Closures\": an earlier concept already has id 3.",
                "Concept 4 \"Arrays and Lists\" no longer depends on itself.",
                "Concept 4 \"Arrays and Lists\" listed 1 more than once; kept once.",
                "Concept 5 \"Linear Search\" no longer depends on 40, which does not exist.",
                "Concept 11 \"Quantum Search\" no longer depends on 99, which does not exist.",
                "Concept 11 \"Quantum Search\" has no dependencies left and is now foundational.");
        assertThat(repaired.graph()).isEqualTo(plus(course(), c(11, "Quantum Search", "ALGO")));
        assertThat(GraphChecks.check(repaired.graph()).acceptable()).isTrue();
    }
}
