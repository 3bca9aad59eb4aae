package dev.ponder.book.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for a concept label: not blank, one line, at most {@value #MAX_LENGTH} characters, Title Case. Title Case
 * here means every word starts with a capital letter, except short function words ("of", "and", "the", …) after the
 * first word, and words with deliberate capitals inside ("iPhone", "k-NN", "pH") or not starting with a letter ("2D", "(Optional)").
 */
public final class LabelRules {

    /** The longest label allowed, in characters (Unicode code points). */
    public static final int MAX_LENGTH = 32;

    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "the", "and", "but", "or", "nor", "for", "so",
            "yet", "of", "in", "on", "at", "to", "by", "up", "as", "via", "vs", "vs.", "with", "from", "into", "per",
            "over", "than");

    private LabelRules() {
    }

    /** What is wrong with {@code label}, each as a phrase that follows "the label …"; empty when it is fine. */
    public static List<String> problems(String label) {
        List<String> problems = new ArrayList<>();
        if (label == null || label.isBlank()) {
            problems.add("is empty");
            return problems;
        }
        if (label.chars().anyMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c))) {
            problems.add("contains a line break or control character");
        }
        if (!label.equals(label.strip())) {
            problems.add("has spaces at the start or end");
        }
        int length = label.codePointCount(0, label.length());
        if (length > MAX_LENGTH) {
            problems.add("is " + length + " characters long; the limit is " + MAX_LENGTH);
        }
        List<String> lowercase = notCapitalized(label);
        if (!lowercase.isEmpty()) {
            problems.add("is not in Title Case (capitalize " + String.join(", ", lowercase.stream()
                    .map(word -> "\"" + word + "\"").toList()) + ")");
        }
        return problems;
    }

    /** Whether the label breaks none of the rules. */
    public static boolean valid(String label) {
        return problems(label).isEmpty();
    }

    /** The form under which two labels count as duplicates: case, spacing and punctuation around words ignored. */
    public static String duplicateKey(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<String> notCapitalized(String label) {
        List<String> words = new ArrayList<>();
        String[] parts = label.strip().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            String word = parts[i];
            String bare = stripLeadingPunctuation(word);
            if (bare.isEmpty() || !Character.isLetter(bare.codePointAt(0))) {
                continue;
            }
            if (!Character.isLowerCase(bare.codePointAt(0))) {
                continue;
            }
            if (bare.codePoints().anyMatch(Character::isUpperCase)) {
                continue; // iPhone, k-NN, eBay: capitals placed on purpose
            }
            if (i > 0 && MINOR_WORDS.contains(bare.toLowerCase(Locale.ROOT).replaceAll("[,;:]$", ""))) {
                continue;
            }
            words.add(word);
        }
        return words;
    }

    private static String stripLeadingPunctuation(String word) {
        int i = 0;
        while (i < word.length() && "([{\"'“‘«".indexOf(word.charAt(i)) >= 0) {
            i++;
        }
        return word.substring(i);
    }
}
