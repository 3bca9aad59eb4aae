package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the user typed into a safe FTS5 query. FTS5 has its own syntax (quotes, parentheses, AND/OR/NOT, NEAR,
 * column filters, {@code *}), and a stray character in it is a syntax error; so every word is quoted as a literal
 * string, with a prefix star, and the words are ANDed. Words with no letter or digit are dropped, since the tokenizer
 * would index nothing for them.
 */
final class SearchQuery {

    private SearchQuery() {
    }

    /** The FTS5 query for {@code text}, or "" when there is nothing to search for. */
    static String toFts(String text) {
        if (text == null) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                terms.add('"' + word.replace("\"", "\"\"") + "\"*");
            }
        }
        return String.join(" ", terms);
    }
}
