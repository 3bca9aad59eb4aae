package dev.ponder.book.graph;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A category of concepts, such as {@code FOUND} "Foundation Concepts" or {@code MISC} "Miscellaneous".
 *
 * @param id   3–5 uppercase letters, as McCreary's learning graphs use them (checked, not enforced here)
 * @param name what the category is called in the book and in the graph view's legend
 */
public record Taxonomy(String id, String name) {

    /** The shape every taxonomy id should have: 3–5 uppercase ASCII letters. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Z]{3,5}");

    public Taxonomy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** Whether {@code id} has the shape of a taxonomy id: 3–5 uppercase letters. */
    public static boolean wellFormedId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }
}
