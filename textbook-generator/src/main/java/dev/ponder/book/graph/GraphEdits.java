package dev.ponder.book.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A professor's edits of a learning graph before chapters are written: each returns a new graph, or refuses with a
 * message that says why ({@link IllegalArgumentException}), so that an edit never leaves a cycle, a dangling
 * dependency or a duplicate label behind.
 */
public final class GraphEdits {

    private GraphEdits() {
    }

    /** Adds a concept with the next free id. */
    public static LearningGraph addConcept(LearningGraph graph, String label, String taxonomyId,
                                           List<Integer> dependencies) {
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("Give the concept a label.");
        }
        boolean taken = graph.concepts().stream().anyMatch(c -> c.label().equalsIgnoreCase(clean));
        if (taken) {
            throw new IllegalArgumentException("A concept named \"" + clean + "\" is already in the graph.");
        }
        Map<Integer, Concept> byId = graph.byId();
        for (int dependency : dependencies) {
            if (!byId.containsKey(dependency)) {
                throw new IllegalArgumentException("There is no concept " + dependency + " to depend on.");
            }
        }
        int id = graph.concepts().stream().mapToInt(Concept::id).max().orElse(0) + 1;
        List<Concept> concepts = new ArrayList<>(graph.concepts());
        concepts.add(new Concept(id, clean, dependencies, taxonomyId));
        return new LearningGraph(concepts, graph.taxonomies());
    }

    /** Removes a concept, and every dependency on it. */
    public static LearningGraph removeConcept(LearningGraph graph, int id) {
        require(graph, id);
        List<Concept> concepts = new ArrayList<>();
        for (Concept concept : graph.concepts()) {
            if (concept.id() != id) {
                concepts.add(concept.withDependencies(concept.dependencies().stream()
                        .filter(dependency -> dependency != id).toList()));
            }
        }
        return new LearningGraph(concepts, graph.taxonomies());
    }

    /** Makes {@code concept} depend on {@code prerequisite}; refused where that would close a cycle. */
    public static LearningGraph addDependency(LearningGraph graph, int concept, int prerequisite) {
        Concept dependent = require(graph, concept);
        Concept first = require(graph, prerequisite);
        if (concept == prerequisite) {
            throw new IllegalArgumentException("A concept cannot depend on itself.");
        }
        if (dependent.dependencies().contains(prerequisite)) {
            return graph;
        }
        if (reaches(graph, prerequisite, concept)) {
            throw new IllegalArgumentException(first.describe() + " already builds on " + dependent.describe()
                    + ": the other way round would be a cycle.");
        }
        List<Integer> dependencies = new ArrayList<>(dependent.dependencies());
        dependencies.add(prerequisite);
        return replace(graph, dependent.withDependencies(dependencies));
    }

    public static LearningGraph removeDependency(LearningGraph graph, int concept, int prerequisite) {
        Concept dependent = require(graph, concept);
        return replace(graph, dependent.withDependencies(dependent.dependencies().stream()
                .filter(dependency -> dependency != prerequisite).toList()));
    }

    /** Whether {@code from} depends on {@code to}, directly or through others. */
    private static boolean reaches(LearningGraph graph, int from, int to) {
        Map<Integer, Concept> byId = graph.byId();
        Set<Integer> seen = new HashSet<>();
        List<Integer> work = new ArrayList<>(List.of(from));
        while (!work.isEmpty()) {
            int id = work.removeLast();
            if (id == to) {
                return true;
            }
            Concept concept = byId.get(id);
            if (concept != null && seen.add(id)) {
                work.addAll(concept.dependencies());
            }
        }
        return false;
    }

    private static Concept require(LearningGraph graph, int id) {
        return graph.concept(id).orElseThrow(() -> new IllegalArgumentException("There is no concept " + id + "."));
    }

    private static LearningGraph replace(LearningGraph graph, Concept changed) {
        return new LearningGraph(graph.concepts().stream()
                .map(concept -> concept.id() == changed.id() ? changed : concept).toList(), graph.taxonomies());
    }
}
