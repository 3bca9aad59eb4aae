package dev.ponder.book.graph;

import java.util.List;

/**
 * What the model is asked for in one step of generating the learning graph: the next {@code count} concepts, numbered
 * on from those already accepted, each classified under one of {@code taxonomies}.
 *
 * @param earlier    the concepts accepted so far (their ids are what the new ones may depend on)
 * @param count      how many concepts the batch must hold, at least 1
 * @param taxonomies the allowed categories; empty to allow any
 */
public record BatchSpec(List<Concept> earlier, int count, List<Taxonomy> taxonomies) {

    public BatchSpec {
        earlier = List.copyOf(earlier);
        taxonomies = List.copyOf(taxonomies);
        if (count < 1) {
            throw new IllegalArgumentException("a batch holds at least one concept: " + count);
        }
    }

    /** The id of the batch's first concept: one after the highest accepted id, 1 for the first batch. */
    public int firstId() {
        return earlier.stream().mapToInt(Concept::id).max().orElse(0) + 1;
    }

    /** The id of the batch's last concept. */
    public int lastId() {
        return firstId() + count - 1;
    }

    public List<String> taxonomyIds() {
        return taxonomies.stream().map(Taxonomy::id).toList();
    }
}
