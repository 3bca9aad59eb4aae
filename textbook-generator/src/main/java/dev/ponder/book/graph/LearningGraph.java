package dev.ponder.book.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The concepts of a book and the taxonomy that classifies them. The lists are kept as given, faults included: a graph
 * fresh from the model may have cycles or dangling dependencies, which {@link GraphChecks} reports and
 * {@link GraphRepair} removes.
 */
public record LearningGraph(List<Concept> concepts, List<Taxonomy> taxonomies) {

    public LearningGraph {
        concepts = List.copyOf(concepts);
        taxonomies = List.copyOf(taxonomies);
    }

    /** The concept with this id (the first, should there be several). */
    public Optional<Concept> concept(int id) {
        for (Concept concept : concepts) {
            if (concept.id() == id) {
                return Optional.of(concept);
            }
        }
        return Optional.empty();
    }

    /** Concepts by id in the graph's order; where ids repeat, the first concept wins. */
    public Map<Integer, Concept> byId() {
        Map<Integer, Concept> byId = new LinkedHashMap<>();
        for (Concept concept : concepts) {
            byId.putIfAbsent(concept.id(), concept);
        }
        return byId;
    }

    /** The name of the taxonomy with this id, or the id itself where none is declared. */
    public String taxonomyName(String taxonomyId) {
        for (Taxonomy taxonomy : taxonomies) {
            if (taxonomy.id().equals(taxonomyId)) {
                return taxonomy.name();
            }
        }
        return taxonomyId;
    }
}
