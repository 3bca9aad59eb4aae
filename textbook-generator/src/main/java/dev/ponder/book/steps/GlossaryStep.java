package dev.ponder.book.steps;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ponder.book.content.GlossaryEntry;

/**
 * Glossary definitions for a batch of terms (the learning graph's concepts), ISO 11179 style: precise, concise
 * (at most {@value #MAX_WORDS} words), distinct, and not circular (a definition may not use its own term).
 */
public final class GlossaryStep {

    public static final int MAX_WORDS = 60;

    private GlossaryStep() {
    }

    /** @param chars the most characters a definition may have */
    public static String schema(int terms, int chars) {
        return """
                {"type":"object","properties":{"definitions":{"type":"array","minItems":%1$d,"maxItems":%1$d,
                "items":{"type":"string","minLength":10,"maxLength":%2$d}}},"required":["definitions"]}"""
                .formatted(terms, chars);
    }

    public static String prompt(String courseTitle, List<String> terms) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            list.append(i + 1).append(". ").append(terms.get(i)).append('\n');
        }
        return """
                Write glossary definitions for the textbook "%s", one for each term below, in the same order.
                Each definition is one sentence, precise, at most %d words, different from the others, and does
                not use the term it defines.
                %s
                Reply with JSON only."""
                .formatted(courseTitle, MAX_WORDS, list);
    }

    public static List<String> check(String reply, List<String> terms) {
        return Replies.problems(reply, (text, problems) -> read(text, terms, problems));
    }

    public static List<GlossaryEntry> parse(String reply, List<String> terms) {
        return Replies.accepted(reply, (text, problems) -> read(text, terms, problems));
    }

    private static List<GlossaryEntry> read(String reply, List<String> terms, List<String> problems) {
        JsonNode root = Replies.parse(reply, problems);
        List<JsonNode> definitions = Replies.array(root, "definitions", "the glossary", problems);
        if (root != null && definitions.size() != terms.size()) {
            problems.add("there are " + definitions.size() + " definitions for " + terms.size() + " terms");
        }
        List<GlossaryEntry> entries = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < Math.min(definitions.size(), terms.size()); i++) {
            String term = terms.get(i);
            String definition = definitions.get(i).asText("").strip();
            String normalized = Replies.normalized(definition);
            if (definition.isEmpty()) {
                problems.add("the definition of \"" + term + "\" is empty");
            } else if ((" " + normalized + " ").contains(" " + Replies.normalized(term) + " ")) {
                problems.add("the definition of \"" + term + "\" uses the term itself: define it in other words");
            } else if (definition.split("\\s+").length > MAX_WORDS) {
                problems.add("the definition of \"" + term + "\" is longer than " + MAX_WORDS + " words");
            } else if (seen.contains(normalized)) {
                problems.add("\"" + term + "\" has the same definition as another term: make each distinct");
            }
            seen.add(normalized);
            entries.add(new GlossaryEntry(term, definition));
        }
        return entries;
    }
}
