package dev.ponder.book.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the model's replies while it builds the learning graph ({@link GraphSchema}'s shapes) and checks what a
 * grammar cannot: ids in sequence, dependencies only on concepts that already exist, labels unique and within the
 * label rules, taxonomies from the list. Errors are sentences addressed to the model, for a retry.
 */
public final class GraphReplyParser {

    /** Beyond this many errors a retry message only says how many more there are. */
    static final int MAX_ERRORS = 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A reply's content, or what is wrong with it. */
    public sealed interface Result<T> {

        /** The reply is good; {@code value} is its content. */
        record Valid<T>(T value) implements Result<T> {
        }

        /** The reply is not usable; {@code errors} say why, each a sentence for the model. */
        record Invalid<T>(List<String> errors) implements Result<T> {

            public Invalid {
                errors = List.copyOf(errors);
            }

            /** The message to send back to the model: the errors, and what to do. */
            public String feedback() {
                StringBuilder message = new StringBuilder("Your reply was not accepted:\n");
                errors.forEach(error -> message.append("- ").append(error).append('\n'));
                return message.append("Reply again with the whole JSON object, corrected.").toString();
            }
        }

        default boolean valid() {
            return this instanceof Valid;
        }
    }

    private GraphReplyParser() {
    }

    /** Reads a batch of concepts asked for by {@code spec}. */
    public static Result<List<Concept>> parse(String reply, BatchSpec spec) {
        Errors errors = new Errors();
        JsonNode items = array(reply, "concepts", errors);
        if (items == null) {
            return errors.invalid();
        }
        int first = spec.firstId();
        if (items.size() != spec.count()) {
            errors.add("The reply has " + items.size() + " concept" + (items.size() == 1 ? "" : "s") + "; it must have"
                    + " exactly " + spec.count() + ", with ids " + range(first, spec.lastId()) + ".");
        }
        Set<Integer> known = new HashSet<>();
        Map<String, Integer> labels = new HashMap<>();
        for (Concept concept : spec.earlier()) {
            known.add(concept.id());
            labels.putIfAbsent(LabelRules.duplicateKey(concept.label()), concept.id());
        }
        Set<String> taxonomies = new LinkedHashSet<>(spec.taxonomyIds());
        List<Concept> concepts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int expected = first + i;
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                errors.add("Item " + (i + 1) + " of \"concepts\" must be an object with \"id\", \"label\","
                        + " \"dependencies\" and \"taxonomy\".");
                continue;
            }
            Concept concept = concept(item, i + 1, expected, known, labels, taxonomies, errors);
            if (concept != null) {
                concepts.add(concept);
            }
            known.add(expected);
        }
        return errors.any() ? errors.invalid() : new Result.Valid<>(List.copyOf(concepts));
    }

    /**
     * Reads a taxonomy list of {@code min}–{@code max} categories with distinct ids of 3–5 uppercase letters and
     * distinct, non-blank names.
     */
    public static Result<List<Taxonomy>> parseTaxonomies(String reply, int min, int max) {
        Errors errors = new Errors();
        JsonNode items = array(reply, "taxonomies", errors);
        if (items == null) {
            return errors.invalid();
        }
        if (items.size() < min || items.size() > max) {
            errors.add("The reply has " + items.size() + " taxonomies; it must have " + (min == max ? "exactly " + min
                    : "between " + min + " and " + max) + ".");
        }
        List<Taxonomy> taxonomies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "Taxonomy " + (i + 1);
            if (!item.isObject() || !item.path("id").isTextual() || !item.path("name").isTextual()) {
                errors.add(where + " must be an object with a text \"id\" and a text \"name\".");
                continue;
            }
            String id = item.get("id").asText();
            String name = item.get("name").asText().strip();
            boolean ok = true;
            if (!Taxonomy.wellFormedId(id)) {
                errors.add(where + " has the id \"" + id + "\": an id must be 3 to 5 uppercase letters, such as FOUND.");
                ok = false;
            } else if (!ids.add(id)) {
                errors.add(where + " repeats the id " + id + ": every taxonomy needs its own id.");
                ok = false;
            }
            if (name.isEmpty()) {
                errors.add(where + " (" + id + ") has an empty name.");
                ok = false;
            } else if (name.length() > GraphSchema.MAX_TAXONOMY_NAME) {
                errors.add(where + " (" + id + ") has a name of " + name.length() + " characters; the limit is "
                        + GraphSchema.MAX_TAXONOMY_NAME + ".");
                ok = false;
            } else if (!names.add(LabelRules.duplicateKey(name))) {
                errors.add(where + " (" + id + ") repeats the name \"" + name + "\".");
                ok = false;
            }
            if (ok) {
                taxonomies.add(new Taxonomy(id, name));
            }
        }
        return errors.any() ? errors.invalid() : new Result.Valid<>(List.copyOf(taxonomies));
    }

    private static Concept concept(JsonNode item, int position, int expected, Set<Integer> known,
                                   Map<String, Integer> labels, Set<String> taxonomies, Errors errors) {
        JsonNode idNode = item.get("id");
        int id = expected;
        boolean ok = true;
        if (!isWholeNumber(idNode)) {
            errors.add("Item " + position + " of \"concepts\" needs the whole-number \"id\" " + expected
                    + (idNode == null ? "" : ", not " + idNode) + ".");
            ok = false;
        } else if (idNode.asInt() != expected) {
            errors.add("The concept with id " + idNode.asInt() + " should have id " + expected + ": number the"
                    + " concepts of this batch in order, without gaps.");
            ok = false;
        }
        String name = "Concept " + id;

        JsonNode labelNode = item.get("label");
        String label = null;
        if (labelNode == null || !labelNode.isTextual()) {
            errors.add(name + " needs a text \"label\"" + (labelNode == null ? "" : ", not " + labelNode) + ".");
            ok = false;
        } else {
            label = labelNode.asText();
            for (String problem : LabelRules.problems(label)) {
                errors.add(name + "'s label \"" + label + "\" " + problem + ".");
                ok = false;
            }
            Integer other = labels.putIfAbsent(LabelRules.duplicateKey(label), id);
            if (other != null) {
                errors.add(name + "'s label \"" + label + "\" is already the label of concept " + other
                        + ": every concept needs its own label.");
                ok = false;
            }
        }

        List<Integer> dependencies = new ArrayList<>();
        JsonNode list = item.get("dependencies");
        if (list == null) {
            errors.add(name + " needs a \"dependencies\" list: the ids of the concepts it builds on, or [] for a"
                    + " foundational concept.");
            ok = false;
        } else if (!list.isArray()) {
            errors.add(name + "'s \"dependencies\" must be a list of concept ids such as [3, 7], not " + list + ".");
            ok = false;
        } else {
            Set<Integer> seen = new HashSet<>();
            for (JsonNode entry : list) {
                if (!isWholeNumber(entry)) {
                    errors.add(name + "'s dependencies must be whole-number concept ids; " + entry + " is not.");
                    ok = false;
                    continue;
                }
                int dependency = entry.asInt();
                if (dependency == id) {
                    errors.add(name + " depends on itself: a concept can depend only on concepts before it.");
                    ok = false;
                } else if (!known.contains(dependency)) {
                    errors.add(name + " depends on " + dependency + ", which does not exist yet: "
                            + (id <= 1 ? "concept 1 is the first and can only be foundational (no dependencies)."
                            : "depend only on concepts " + range(1, id - 1) + "."));
                    ok = false;
                } else if (!seen.add(dependency)) {
                    errors.add(name + " lists dependency " + dependency + " more than once.");
                    ok = false;
                } else {
                    dependencies.add(dependency);
                }
            }
        }

        JsonNode taxonomyNode = item.get("taxonomy");
        String taxonomy = null;
        if (taxonomyNode == null || !taxonomyNode.isTextual() || taxonomyNode.asText().isBlank()) {
            errors.add(name + " needs a text \"taxonomy\"" + (taxonomies.isEmpty() ? ""
                    : ": one of " + String.join(", ", taxonomies)) + ".");
            ok = false;
        } else {
            taxonomy = taxonomyNode.asText();
            if (!taxonomies.isEmpty() && !taxonomies.contains(taxonomy)) {
                errors.add(name + "'s taxonomy \"" + taxonomy + "\" is not one of " + String.join(", ", taxonomies)
                        + ".");
                ok = false;
            } else if (taxonomies.isEmpty() && !Taxonomy.wellFormedId(taxonomy)) {
                errors.add(name + "'s taxonomy \"" + taxonomy + "\" must be 3 to 5 uppercase letters.");
                ok = false;
            }
        }
        return ok ? new Concept(id, label, dependencies, taxonomy) : null;
    }

    private static JsonNode array(String reply, String field, Errors errors) {
        JsonNode root;
        try {
            root = JSON.readTree(unfence(reply == null ? "" : reply));
        } catch (JsonProcessingException e) {
            errors.add("The reply is not valid JSON (" + e.getOriginalMessage() + "); it may have been cut off."
                    + " Reply with one complete JSON object and nothing else.");
            return null;
        }
        if (root == null || root.isMissingNode()) {
            errors.add("The reply is empty. Reply with one JSON object {\"" + field + "\": [...]}.");
            return null;
        }
        if (!root.isObject() || !root.has(field)) {
            errors.add("The reply must be a JSON object with a \"" + field + "\" list: {\"" + field + "\": [...]}.");
            return null;
        }
        if (!root.get(field).isArray()) {
            errors.add("\"" + field + "\" must be a list [...], not " + root.get(field).getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT) + ".");
            return null;
        }
        return root.get(field);
    }

    /** Drops a Markdown code fence around the JSON, which an unconstrained model may add. */
    private static String unfence(String reply) {
        String text = reply.strip();
        if (text.startsWith("```")) {
            int start = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (start > 0 && end > start) {
                return text.substring(start + 1, end);
            }
        }
        return text;
    }

    private static boolean isWholeNumber(JsonNode node) {
        return node != null && node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt();
    }

    private static String range(int from, int to) {
        return from == to ? String.valueOf(from) : from + "–" + to;
    }

    /** Collects errors, keeping the retry message short. */
    private static final class Errors {

        private final List<String> list = new ArrayList<>();
        private int dropped;

        void add(String error) {
            if (list.size() < MAX_ERRORS) {
                list.add(error);
            } else {
                dropped++;
            }
        }

        boolean any() {
            return !list.isEmpty();
        }

        <T> Result<T> invalid() {
            List<String> all = new ArrayList<>(list);
            if (dropped > 0) {
                all.add("… and " + dropped + " more problem" + (dropped == 1 ? "" : "s") + " of the same kinds.");
            }
            return new Result.Invalid<>(all);
        }
    }
}
