package dev.ponder.book.graph;

import static dev.ponder.book.graph.Graphs.c;
import static dev.ponder.book.graph.Graphs.course;
import static dev.ponder.book.graph.Graphs.dependencies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GraphOrderTest {

    @Test
    void everyConceptComesAfterItsDependenciesAndTheLowestReadyIdFirst() {
        // 1 needs 3; 2 and 3 are foundations; 4 needs 1 and 2.
        LearningGraph graph = new LearningGraph(List.of(c(4, "Graphs", "MISC", 1, 2), c(1, "Trees", "MISC", 3),
                c(3, "Nodes", "MISC"), c(2, "Edges", "MISC")), Graphs.TAXONOMIES);

        assertThat(GraphOrder.topological(graph)).extracting(Concept::id).containsExactly(2, 3, 1, 4);
    }

    @Test
    void theOrderDoesNotDependOnTheOrderOfTheRows() {
        List<Integer> expected = GraphOrder.topological(course()).stream().map(Concept::id).toList();
        assertThat(expected).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (long seed = 0; seed < 5; seed++) {
            List<Concept> shuffled = new ArrayList<>(course().concepts());
            Collections.shuffle(shuffled, new Random(seed));
            LearningGraph graph = new LearningGraph(shuffled, Graphs.TAXONOMIES);

            assertThat(GraphOrder.topological(graph)).extracting(Concept::id).isEqualTo(expected);
        }
    }

    @Test
    void aGraphWithACycleCannotBeOrderedUntilRepaired() {
        LearningGraph graph = dependencies(course(), 2, 1, 6);

        assertThatThrownBy(() -> GraphOrder.topological(graph)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 → 6 → 5 → 2");
        assertThat(GraphOrder.topological(GraphRepair.repair(graph).graph())).hasSize(10);
    }

    @Test
    void aGraphWithASelfOrUnknownDependencyCannotBeOrdered() {
        assertThatThrownBy(() -> GraphOrder.topological(dependencies(course(), 4, 4)))
                .hasMessageContaining("depends on itself");
        assertThatThrownBy(() -> GraphOrder.topological(dependencies(course(), 4, 40)))
                .hasMessageContaining("unknown concept 40");
    }
}
