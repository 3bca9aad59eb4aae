package dev.ponder.book.site;

import java.util.Objects;

/**
 * The learning graph page. The job writes the graph files itself into {@code docs/learning-graph/} before the site is
 * written; this names the JSON file there (vis-network's {@code {"nodes":[...],"edges":[...]}} format, optionally
 * with {@code "groups"}) and gives the Markdown summary of the graph checks shown under the drawing.
 *
 * @param jsonFileName a plain file name inside {@code docs/learning-graph/}, such as {@code learning-graph.json}
 */
public record GraphPage(String jsonFileName, String summaryMarkdown) {

    public GraphPage {
        Objects.requireNonNull(jsonFileName, "jsonFileName");
        if (jsonFileName.isBlank() || jsonFileName.contains("/") || jsonFileName.contains("\\")
                || jsonFileName.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + jsonFileName);
        }
        summaryMarkdown = summaryMarkdown == null ? "" : summaryMarkdown;
    }
}
