package dev.ponder.book.graph;

import java.util.List;
import java.util.Objects;

/**
 * One concept of the learning graph: a row of {@code learning-graph.csv}.
 *
 * @param id           a positive whole number, unique within the graph
 * @param label        a short name in Title Case, at most 32 characters (see {@link LabelRules})
 * @param dependencies the ids of the concepts a learner must know first, in the order given; empty for a foundational
 *                     concept. Kept as given, invalid ones included, so that {@link GraphChecks} can report them.
 * @param taxonomyId   the {@link Taxonomy#id()} of its category
 */
public record Concept(int id, String label, List<Integer> dependencies, String taxonomyId) {

    public Concept {
        Objects.requireNonNull(label, "label");
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(taxonomyId, "taxonomyId");
    }

    /** Whether it depends on nothing: a starting point for learners. */
    public boolean foundational() {
        return dependencies.isEmpty();
    }

    /** The same concept with other dependencies. */
    public Concept withDependencies(List<Integer> newDependencies) {
        return new Concept(id, label, newDependencies, taxonomyId);
    }

    /** {@code 12 "Binary Search"}: how reports and messages name a concept. */
    String describe() {
        return id + " \"" + label + "\"";
    }
}
