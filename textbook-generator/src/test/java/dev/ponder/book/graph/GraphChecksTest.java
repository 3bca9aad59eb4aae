package dev.ponder.book.graph;

import static dev.ponder.book.graph.Graphs.c;
import static dev.ponder.book.graph.Graphs.course;
import static dev.ponder.book.graph.Graphs.dependencies;
import static dev.ponder.book.graph.Graphs.plus;
import static dev.ponder.book.graph.Graphs.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.book.graph.GraphReport.DependedUpon;
import dev.ponder.book.graph.GraphReport.UnknownDependency;

class GraphChecksTest {

    @Test
    void aValidSmallGraphPassesWithItsNumbers() {
        GraphReport report = GraphChecks.check(course());

        assertThat(report.acceptable()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.conceptCount()).isEqualTo(10);
        assertThat(report.foundations()).containsExactly(1);
        assertThat(report.selfDependencies()).isEmpty();
        assertThat(report.unknownDependencies()).isEmpty();
        assertThat(report.cycles()).isEmpty();
        assertThat(report.unreachable()).isEmpty();
        assertThat(report.subgraphs()).hasSize(1);
        assertThat(report.orphans()).containsExactly(8, 10);
        assertThat(report.isolated()).isEmpty();
        assertThat(report.mostDependedUpon()).startsWith(new DependedUpon(1, 3), new DependedUpon(2, 2),
                new DependedUpon(3, 2), new DependedUpon(5, 2)).hasSize(8);
        assertThat(report.taxonomySpread()).extracting(GraphReport.TaxonomyShare::count).containsExactly(3, 3, 2, 2);
        assertThat(report.taxonomySpread()).noneMatch(GraphReport.TaxonomyShare::overLimit);
    }

    @Test
    void theLongestDependencyChainRunsFromAFoundationToTheDeepestConcept() {
        GraphReport report = GraphChecks.check(course());

        assertThat(report.longestChain()).containsExactly(1, 2, 5, 6, 7, 8);
        assertThat(report.longestChainLength()).isEqualTo(6);
        assertThat(report.markdown()).contains("1 \"Variables and Types\" → 2 \"Control Flow\" → 5 \"Linear Search\""
                + " → 6 \"Binary Search\" → 7 \"Decision Trees\" → 8 \"Model Evaluation\"");
    }

    @Test
    void aCycleIsListedOnceThroughItsLowestIdAndMakesTheGraphUnacceptable() {
        // 2 depends on 6, 6 on 5, 5 on 2.
        GraphReport report = GraphChecks.check(dependencies(course(), 2, 1, 6));

        assertThat(report.cycles()).containsExactly(List.of(2, 6, 5));
        assertThat(report.acceptable()).isFalse();
        assertThat(report.errors()).containsExactly("Cycle: 2 \"Control Flow\" → 6 \"Binary Search\" → 5 \"Linear"
                + " Search\" → 2 \"Control Flow\" (each depends on the next).");
        assertThat(report.longestChain()).doesNotContain(2, 5, 6);
    }

    @Test
    void twoSeparateCyclesAreBothListed() {
        LearningGraph graph = dependencies(dependencies(course(), 2, 1, 3), 8, 7, 9);
        graph = dependencies(graph, 9, 8);

        assertThat(GraphChecks.check(graph).cycles()).containsExactly(List.of(2, 3), List.of(8, 9));
    }

    @Test
    void aSelfDependencyIsAnError() {
        GraphReport report = GraphChecks.check(dependencies(course(), 4, 1, 4));

        assertThat(report.selfDependencies()).containsExactly(4);
        assertThat(report.cycles()).isEmpty();
        assertThat(report.acceptable()).isFalse();
        assertThat(report.errors()).containsExactly("Concept 4 \"Arrays and Lists\" depends on itself.");
    }

    @Test
    void aDependencyOnAnUnknownIdIsAnError() {
        GraphReport report = GraphChecks.check(dependencies(course(), 5, 2, 4, 40));

        assertThat(report.unknownDependencies()).containsExactly(new UnknownDependency(5, 40));
        assertThat(report.acceptable()).isFalse();
        assertThat(report.errors()).containsExactly("Concept 5 \"Linear Search\" depends on 40, which does not exist.");
    }

    @Test
    void orphansAreReportedButOnlyAnIsolatedFoundationIsAProblem() {
        GraphReport report = GraphChecks.check(plus(course(), c(11, "Ethics in Computing", "MISC")));

        assertThat(report.orphans()).containsExactly(8, 10, 11);
        assertThat(report.isolated()).containsExactly(11);
        assertThat(report.acceptable()).isTrue();
        assertThat(report.warnings()).contains("Concept 11 \"Ethics in Computing\" has no dependencies and nothing"
                + " depends on it.");
        assertThat(report.markdown()).contains("### Orphans").contains("8 \"Model Evaluation\", 10 \"Big O Notation\"");
    }

    @Test
    void conceptsCutOffFromEveryFoundationAreUnreachable() {
        // 11 and 12 depend on each other; 13 builds on them; none leads back to concept 1.
        LearningGraph graph = plus(course(), c(11, "Graph Theory", "MISC", 12), c(12, "Trees", "MISC", 11),
                c(13, "Graph Search", "ALGO", 12));

        GraphReport report = GraphChecks.check(graph);

        assertThat(report.unreachable()).containsExactly(11, 12, 13);
        assertThat(report.acceptable()).isFalse();
        assertThat(report.errors()).contains("3 concepts cannot be reached from a foundational concept: 11 \"Graph"
                + " Theory\", 12 \"Trees\", 13 \"Graph Search\".");
    }

    @Test
    void aGraphWithoutAnyFoundationIsUnacceptable() {
        LearningGraph graph = new LearningGraph(List.of(c(1, "Chicken", "MISC", 2), c(2, "Egg", "MISC", 1)),
                Graphs.TAXONOMIES);

        GraphReport report = GraphChecks.check(graph);

        assertThat(report.foundations()).isEmpty();
        assertThat(report.unreachable()).containsExactly(1, 2);
        assertThat(report.errors()).contains("No concept is foundational: at least one must have no dependencies.");
    }

    @Test
    void twoDisconnectedSubgraphsAreCountedAndWarnedAbout() {
        LearningGraph graph = plus(course(), c(11, "History of Computing", "MISC"),
                c(12, "Famous Computers", "MISC", 11));

        GraphReport report = GraphChecks.check(graph);

        assertThat(report.subgraphs()).containsExactly(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), List.of(11, 12));
        assertThat(report.acceptable()).isTrue();
        assertThat(report.warnings()).contains("The graph falls into 2 disconnected subgraphs (of 10, 2 concepts).");
        assertThat(report.markdown()).contains("| Disconnected subgraphs | 2 |");
    }

    @Test
    void aTaxonomyAboveThirtyPercentIsFlagged() {
        LearningGraph graph = replace(replace(course(), 9, c -> new Concept(9, c.label(), c.dependencies(), "LEARN")),
                10, c -> new Concept(10, c.label(), c.dependencies(), "LEARN"));

        GraphReport report = GraphChecks.check(graph);

        assertThat(report.taxonomySpread()).filteredOn(GraphReport.TaxonomyShare::overLimit)
                .extracting(GraphReport.TaxonomyShare::taxonomyId).containsExactly("LEARN");
        assertThat(report.acceptable()).isTrue();
        assertThat(report.warnings()).containsExactly("Taxonomy LEARN holds 40.0% of the concepts (4 of 10); the limit is"
                + " 30.0%.");
        assertThat(report.markdown()).contains("| LEARN | Machine Learning | 4 | 40.0% ⚠ |");
    }

    @Test
    void anUndeclaredOrMisshapenTaxonomyIsWarnedAbout() {
        LearningGraph graph = replace(course(), 10, c -> new Concept(10, c.label(), c.dependencies(), "complexity"));

        GraphReport report = GraphChecks.check(graph);

        assertThat(report.warnings()).contains("Taxonomy id \"complexity\" is not 3–5 uppercase letters.",
                "Taxonomy \"complexity\" is not declared, yet 1 concept uses it: 10.");
    }

    @Test
    void labelsMustBeTitleCaseAtMostThirtyTwoCharactersAndUnique() {
        LearningGraph graph = replace(replace(replace(course(), 6, c -> new Concept(6, "binary search", c.dependencies(),
                        c.taxonomyId())),
                8, c -> new Concept(8, "Evaluating Models With Held Out Test Sets", c.dependencies(),
                        c.taxonomyId())),
                10, c -> new Concept(10, "Linear  search", c.dependencies(), c.taxonomyId()));

        GraphReport report = GraphChecks.check(graph);

        assertThat(report.labelProblems()).extracting(GraphReport.LabelProblem::conceptId).containsExactly(6, 8, 10);
        assertThat(report.duplicateLabels()).singleElement()
                .satisfies(d -> assertThat(d.conceptIds()).containsExactly(5, 10));
        assertThat(report.acceptable()).isTrue();
        assertThat(report.warnings()).contains(
                "The label of concept 6 \"binary search\" is not in Title Case (capitalize \"binary\", \"search\").",
                "The label of concept 8 \"Evaluating Models With Held Out Test Sets\" is 41 characters long; the"
                        + " limit is 32.",
                "The label \"Linear Search\" is used by concepts 5, 10.");
    }

    @Test
    void repeatedIdsAndAnEmptyGraphAreErrors() {
        assertThat(GraphChecks.check(plus(course(), c(3, "Closures", "FOUND", 1))).errors())
                .containsExactly("Concept id 3 is used by more than one concept.");
        GraphReport empty = GraphChecks.check(new LearningGraph(List.of(), List.of()));
        assertThat(empty.acceptable()).isFalse();
        assertThat(empty.errors()).containsExactly("The learning graph has no concepts.");
    }

    @Test
    void theMarkdownSectionHasATableOfNumbersAndTheProblemsInEscapedText() {
        LearningGraph graph = dependencies(replace(course(), 4, c -> new Concept(4, "Arrays | Lists", c.dependencies(),
                c.taxonomyId())), 5, 2, 4, 40);

        String markdown = GraphChecks.check(graph).markdown();

        assertThat(markdown).startsWith("## Learning graph\n\n**Not acceptable**: 1 error, 0 warnings.\n")
                .contains("| Concepts | 10 |", "| Foundational concepts (no dependencies) | 1 |",
                        "| Dependencies on unknown concepts | 1 |", "| Longest dependency chain (concepts) | 6 |",
                        "### Errors\n\n- Concept 5 \"Linear Search\" depends on 40, which does not exist.\n",
                        "| 1 \"Variables and Types\" | 3 |", "| FOUND | Foundation Concepts | 3 | 30.0% |",
                        "4 \"Arrays \\| Lists\"");
    }
}
