package dev.ponder.book.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class GraphEditsTest {

    @Test
    void anAddedConceptTakesTheNextIdAndKeepsTheGraphSound() {
        LearningGraph graph = GraphEdits.addConcept(Graphs.course(), "  Hash Tables ", "ALGO", List.of(4));

        Concept added = graph.concept(11).orElseThrow();
        assertThat(added.label()).isEqualTo("Hash Tables");
        assertThat(added.dependencies()).containsExactly(4);
        assertThat(GraphChecks.check(graph).errors()).isEmpty();
    }

    @Test
    void aConceptNeedsALabelOfItsOwnAndRealDependencies() {
        assertThatThrownBy(() -> GraphEdits.addConcept(Graphs.course(), " ", "ALGO", List.of()))
                .hasMessageContaining("label");
        assertThatThrownBy(() -> GraphEdits.addConcept(Graphs.course(), "binary search", "ALGO", List.of()))
                .hasMessageContaining("already in the graph");
        assertThatThrownBy(() -> GraphEdits.addConcept(Graphs.course(), "Heaps", "ALGO", List.of(99)))
                .hasMessageContaining("no concept 99");
    }

    @Test
    void removingAConceptRemovesEveryDependencyOnIt() {
        LearningGraph graph = GraphEdits.removeConcept(Graphs.course(), 5);

        assertThat(graph.concept(5)).isEmpty();
        assertThat(graph.concepts()).allSatisfy(concept -> assertThat(concept.dependencies()).doesNotContain(5));
        assertThat(GraphChecks.check(graph).errors()).isEmpty();
    }

    @Test
    void aDependencyThatWouldCloseACycleIsRefusedWithTheReason() {
        // 8 builds on 7, which builds on 6 and 3: making 3 depend on 8 would close the loop.
        assertThatThrownBy(() -> GraphEdits.addDependency(Graphs.course(), 3, 8))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> GraphEdits.addDependency(Graphs.course(), 3, 3))
                .hasMessageContaining("itself");
    }

    @Test
    void dependenciesComeAndGo() {
        LearningGraph added = GraphEdits.addDependency(Graphs.course(), 9, 4);
        assertThat(added.concept(9).orElseThrow().dependencies()).containsExactly(3, 4);
        assertThat(GraphEdits.addDependency(added, 9, 4)).isEqualTo(added);

        LearningGraph removed = GraphEdits.removeDependency(added, 9, 3);
        assertThat(removed.concept(9).orElseThrow().dependencies()).containsExactly(4);
    }
}
