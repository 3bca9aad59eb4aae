package dev.ponder.book.brief;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Briefs for the tests. */
final class Briefs {

    /** The sample brief shipped with the module (tests run in the module folder). */
    static final Path INTRO_TO_AI = Path.of("briefs", "intro-to-ai.yaml");

    private Briefs() {
    }

    static Path tiny() {
        try {
            return Path.of(Briefs.class.getResource("tiny-brief.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A complete brief that scores 100. */
    static CourseBrief complete() {
        return new CourseBrief("Introduction to Graph Algorithms", "undergraduate, second year",
                "Computer science students who have taken a first data structures course",
                words(120), List.of("Data structures", "Discrete mathematics"),
                List.of("Define graphs, paths and cycles",
                        "Explain how breadth-first search finds shortest paths",
                        "Implement Dijkstra's algorithm",
                        "Compare adjacency lists and adjacency matrices",
                        "Evaluate which shortest-path algorithm suits a problem",
                        "Design a graph model for a route-planning problem"),
                8, 40, "clear and precise");
    }

    static String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append("graphs");
        }
        return b.toString();
    }
}
