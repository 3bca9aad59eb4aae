package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ponder.book.graph.GraphSchema;
import dev.ponder.book.graph.Taxonomy;

/**
 * The learning graph's categories. A category whose id or name repeats an earlier one is dropped rather than the
 * reply retried (and the drop is said in the report); MISC is added when the model left it out, since concepts that
 * fit nowhere need a home. The reply fails only when fewer than {@code min} distinct categories remain.
 */
public final class TaxonomyStep {

    /** The categories kept, and what was dropped or added. */
    public record Categories(List<Taxonomy> taxonomies, List<String> notes) {
    }

    private TaxonomyStep() {
    }

    public static String schema(int min, int max) {
        return GraphSchema.taxonomies(min, max);
    }

    public static String prompt(String courseTitle, String description, int max) {
        return """
                List the topic categories of the course "%s": %s
                Give 2 to %d categories, each with an id of 3 to 5 capital letters and a short name; include
                MISC for what fits nowhere else. Reply with JSON only.""".formatted(courseTitle, description, max);
    }

    public static List<String> check(String reply, int min) {
        return Replies.problems(reply, (text, problems) -> read(text, min, problems));
    }

    public static Categories parse(String reply, int min) {
        return Replies.accepted(reply, (text, problems) -> read(text, min, problems));
    }

    private static Categories read(String reply, int min, List<String> problems) {
        JsonNode root = Replies.parse(reply, problems);
        List<Taxonomy> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode node : Replies.array(root, "taxonomies", "the categories", problems)) {
            String id = node.path("id").asText("").strip().toUpperCase(Locale.ROOT);
            String name = node.path("name").asText("").strip();
            if (!Taxonomy.wellFormedId(id) || name.isEmpty()) {
                notes.add("dropped the category \"" + id + "\" (" + name + "): its id or name is not usable");
            } else if (!ids.add(id) || !names.add(Replies.normalized(name))) {
                notes.add("dropped the category " + id + " (" + name + "): it repeats an earlier id or name");
            } else {
                kept.add(new Taxonomy(id, name));
            }
        }
        if (root != null && !ids.contains("MISC")) {
            kept.add(new Taxonomy("MISC", "Miscellaneous"));
            notes.add("added the category MISC for concepts that fit nowhere else");
        }
        if (root != null && kept.size() < min) {
            problems.add("only " + kept.size() + " distinct categories: give at least " + min
                    + ", each with its own id and name");
        }
        return new Categories(kept, notes);
    }
}
