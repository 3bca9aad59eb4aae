package dev.ponder.book.site;

import java.util.List;
import java.util.Objects;

/**
 * What the home page says about the course: its title, a description (Markdown), the audience (Markdown), and the
 * prerequisites and learning outcomes (one Markdown line each).
 */
public record BookInfo(String title, String description, String audience, List<String> prerequisites,
                       List<String> outcomes) {

    public BookInfo {
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        audience = audience == null ? "" : audience;
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
