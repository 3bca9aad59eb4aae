package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ponder.book.graph.BatchSpec;
import dev.ponder.book.graph.Concept;
import dev.ponder.book.graph.GraphSchema;
import dev.ponder.book.graph.LabelRules;

/**
 * One batch of learning-graph concepts. A reply must parse and hold the right number of labelled concepts; what the
 * grammar cannot enforce is mended rather than retried, and every mend is said in the book report: ids are numbered
 * here in reply order, and a dependency on a concept that is not earlier is dropped ({@link #notes}).
 */
public final class ConceptBatchStep {

    /** The concepts read, and what was mended to make them fit. */
    public record Batch(List<Concept> concepts, List<String> notes) {
    }

    private ConceptBatchStep() {
    }

    public static String schema(BatchSpec spec) {
        return GraphSchema.conceptBatch(spec);
    }

    public static String prompt(String courseTitle, String description, BatchSpec spec) {
        StringBuilder earlier = new StringBuilder();
        for (Concept concept : spec.earlier()) {
            earlier.append(concept.id()).append(": ").append(concept.label()).append('\n');
        }
        return """
                You are building the learning graph of the course "%s": %s
                Concepts so far (id: label):
                %s
                Add the next %d concepts, ids %d to %d. Each has a Title Case label of at most %d characters, a
                category from %s, and the ids of the earlier concepts a student must know first (none for a
                foundation concept). Order them so that every concept depends only on lower ids.
                Reply with JSON only."""
                .formatted(courseTitle, description, earlier.isEmpty() ? "(none yet)\n" : earlier, spec.count(),
                        spec.firstId(), spec.lastId(), LabelRules.MAX_LENGTH, spec.taxonomyIds());
    }

    public static List<String> check(String reply, BatchSpec spec) {
        return Replies.problems(reply, (text, problems) -> read(text, spec, problems));
    }

    public static Batch parse(String reply, BatchSpec spec) {
        return Replies.accepted(reply, (text, problems) -> read(text, spec, problems));
    }

    private static Batch read(String reply, BatchSpec spec, List<String> problems) {
        JsonNode root = Replies.parse(reply, problems);
        List<JsonNode> nodes = Replies.array(root, "concepts", "the batch", problems);
        if (root != null && nodes.size() != spec.count()) {
            problems.add("the batch has " + nodes.size() + " concepts; it needs " + spec.count());
        }
        List<Concept> concepts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> taxonomies = new LinkedHashSet<>(spec.taxonomyIds());
        int id = spec.firstId();
        for (JsonNode node : nodes) {
            String label = titleCase(Replies.text(node, "label", "concept " + id, problems).replace('\n', ' '));
            String taxonomy = node.path("taxonomy").asText("").strip().toUpperCase(Locale.ROOT);
            if (!taxonomies.isEmpty() && !taxonomies.contains(taxonomy)) {
                taxonomy = taxonomies.contains("MISC") ? "MISC" : taxonomies.iterator().next();
            }
            Set<Integer> dependencies = new LinkedHashSet<>();
            for (JsonNode dependency : node.path("dependencies")) {
                int on = dependency.asInt(-1);
                if (on >= 1 && on < id) {
                    dependencies.add(on);
                } else {
                    notes.add("concept " + id + " (" + label + "): dropped its dependency on " + dependency.asText()
                            + ", which is not an earlier concept");
                }
            }
            concepts.add(new Concept(id, label, List.copyOf(dependencies), taxonomy));
            id++;
        }
        return new Batch(concepts, notes);
    }

    /** Learning-graph labels are Title Case; a model's casing is not worth a retry. */
    static String titleCase(String label) {
        StringBuilder out = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        String titled = out.toString();
        return titled.length() <= LabelRules.MAX_LENGTH ? titled : titled.substring(0, LabelRules.MAX_LENGTH).strip();
    }
}
