package dev.ponder.book.graph;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON schemas for the model's replies while it builds the learning graph, for constrained generation. They keep to
 * what llama.cpp's json-schema-to-grammar handles: objects with fixed properties in a fixed order,
 * {@code additionalProperties: false}, arrays with {@code minItems}/{@code maxItems}, strings with
 * {@code minLength}/{@code maxLength}, {@code pattern}, {@code enum} and {@code const}, integers with {@code minimum}/{@code maximum};
 * no {@code $ref}, {@code oneOf} or {@code anyOf}. What a grammar cannot say (a concept depends only on lower ids,
 * labels are unique and in Title Case) {@link GraphReplyParser} checks afterwards.
 */
public final class GraphSchema {

    /** The longest taxonomy name allowed. */
    public static final int MAX_TAXONOMY_NAME = 40;
    /** The most dependencies one concept may list. */
    public static final int MAX_DEPENDENCIES = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphSchema() {
    }

    /**
     * {@code {"taxonomies":[{"id":"FOUND","name":"Foundation Concepts"}, …]}}: between {@code min} and {@code max}
     * categories, ids of 3–5 uppercase letters.
     */
    public static String taxonomies(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max: " + min + ", " + max);
        }
        ObjectNode item = object();
        ObjectNode properties = item.putObject("properties");
        properties.putObject("id").put("type", "string").put("pattern", "^[A-Z]{3,5}$");
        properties.putObject("name").put("type", "string").put("minLength", 1).put("maxLength", MAX_TAXONOMY_NAME);
        close(item, "id", "name");
        return wrap("taxonomies", item, min, max);
    }

    /**
     * {@code {"concepts":[{"id":12,"label":"Binary Search","dependencies":[3,7],"taxonomy":"SEARCH"}, …]}}: exactly
     * {@code spec.count()} concepts with ids from {@code spec.firstId()} to {@code spec.lastId()}, labels of at most
     * {@value LabelRules#MAX_LENGTH} characters, at most {@value #MAX_DEPENDENCIES} dependencies on ids below the
     * batch's last, and a taxonomy from the spec's list (any string where the list is empty).
     */
    public static String conceptBatch(BatchSpec spec) {
        ObjectNode item = object();
        ObjectNode properties = item.putObject("properties");
        properties.putObject("id").put("type", "integer").put("minimum", spec.firstId()).put("maximum", spec.lastId());
        properties.putObject("label").put("type", "string").put("minLength", 1)
                .put("maxLength", LabelRules.MAX_LENGTH);
        int highest = spec.lastId() - 1;
        if (highest < 1) {
            // The very first concept can only be foundational. Not maxItems 0: llama.cpp turns that into a broken
            // repetition {0,-1}; a constant empty list it handles.
            properties.putObject("dependencies").putArray("const");
        } else {
            ObjectNode dependencies = properties.putObject("dependencies").put("type", "array");
            dependencies.putObject("items").put("type", "integer").put("minimum", 1).put("maximum", highest);
            dependencies.put("maxItems", MAX_DEPENDENCIES);
        }
        ObjectNode taxonomy = properties.putObject("taxonomy").put("type", "string");
        List<String> ids = spec.taxonomyIds();
        if (ids.isEmpty()) {
            taxonomy.put("pattern", "^[A-Z]{3,5}$");
        } else {
            ArrayNode allowed = taxonomy.putArray("enum");
            ids.forEach(allowed::add);
        }
        close(item, "id", "label", "dependencies", "taxonomy");
        return wrap("concepts", item, spec.count(), spec.count());
    }

    private static ObjectNode object() {
        return JSON.createObjectNode().put("type", "object");
    }

    private static void close(ObjectNode object, String... required) {
        ArrayNode names = object.putArray("required");
        for (String name : required) {
            names.add(name);
        }
        object.put("additionalProperties", false);
    }

    private static String wrap(String field, ObjectNode item, int min, int max) {
        ObjectNode root = object();
        ObjectNode array = root.putObject("properties").putObject(field).put("type", "array");
        array.set("items", item);
        array.put("minItems", min).put("maxItems", max);
        close(root, field);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
