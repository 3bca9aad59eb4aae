package dev.ponder.book.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test graphs: a small sound course, and ways to break it. */
final class Graphs {

    static final List<Taxonomy> TAXONOMIES = List.of(
            new Taxonomy("FOUND", "Foundation Concepts"),
            new Taxonomy("ALGO", "Searching and Sorting"),
            new Taxonomy("LEARN", "Machine Learning"),
            new Taxonomy("MISC", "Miscellaneous"));

    private Graphs() {
    }

    static Concept c(int id, String label, String taxonomy, Integer... dependencies) {
        return new Concept(id, label, List.of(dependencies), taxonomy);
    }

    /** Ten concepts, one foundation, no faults; FOUND and ALGO hold exactly 30% each. */
    static LearningGraph course() {
        return new LearningGraph(List.of(
                c(1, "Variables and Types", "FOUND"),
                c(2, "Control Flow", "FOUND", 1),
                c(3, "Functions", "FOUND", 1, 2),
                c(4, "Arrays and Lists", "ALGO", 1),
                c(5, "Linear Search", "ALGO", 2, 4),
                c(6, "Binary Search", "ALGO", 5),
                c(7, "Decision Trees", "LEARN", 3, 6),
                c(8, "Model Evaluation", "LEARN", 7),
                c(9, "Recursion", "MISC", 3),
                c(10, "Big O Notation", "MISC", 5, 9)), TAXONOMIES);
    }

    /** The course with concept {@code id} replaced. */
    static LearningGraph replace(LearningGraph graph, int id, UnaryOperator<Concept> change) {
        return new LearningGraph(graph.concepts().stream().map(c -> c.id() == id ? change.apply(c) : c).toList(),
                graph.taxonomies());
    }

    static LearningGraph dependencies(LearningGraph graph, int id, Integer... dependencies) {
        return replace(graph, id, c -> c.withDependencies(List.of(dependencies)));
    }

    static LearningGraph plus(LearningGraph graph, Concept... more) {
        List<Concept> concepts = new ArrayList<>(graph.concepts());
        concepts.addAll(List.of(more));
        return new LearningGraph(concepts, graph.taxonomies());
    }
}
