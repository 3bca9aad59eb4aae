package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading a model's JSON reply, with problems phrased so that the model can fix them on a retry. */
final class Replies {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a reply into content, adding what is wrong with it to {@code problems}. */
    @FunctionalInterface
    interface Reader<T> {
        T read(String reply, List<String> problems);
    }

    private Replies() {
    }

    /** What is wrong with a reply; empty when it is good. */
    static <T> List<String> problems(String reply, Reader<T> reader) {
        List<String> problems = new ArrayList<>();
        reader.read(reply, problems);
        return problems;
    }

    /** The content of a reply that passed its check (as every stored reply did). */
    static <T> T accepted(String reply, Reader<T> reader) {
        List<String> problems = new ArrayList<>();
        T content = reader.read(reply, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("a stored reply no longer passes its check: " + String.join("; ", problems));
        }
        return content;
    }

    /** The parsed reply, or null with the problem added to {@code problems}. */
    static JsonNode parse(String reply, List<String> problems) {
        try {
            return JSON.readTree(reply);
        } catch (JsonProcessingException e) {
            problems.add("the reply is not complete JSON (" + e.getOriginalMessage() + "); it may have been cut off:"
                    + " write less");
            return null;
        }
    }

    /** A text field that must be there and say something; nothing more is said of a reply that did not parse. */
    static String text(JsonNode node, String field, String where, List<String> problems) {
        if (node == null) {
            return "";
        }
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(where + " has no " + field);
            return "";
        }
        String text = value.asText().strip();
        if (text.contains("<think>") || text.contains("</think>")) {
            problems.add(where + "'s " + field + " contains thinking markers: leave thinking out of the text");
        }
        return text;
    }

    static List<JsonNode> array(JsonNode node, String field, String where, List<String> problems) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null) {
            return items;
        }
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            problems.add(where + " has no list " + field);
            return items;
        }
        value.forEach(items::add);
        return items;
    }

    /** Words compared as a reader would: case, spacing and punctuation aside. */
    static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A JSON string for a schema or a prompt. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
