package dev.ponder.book.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.ponder.book.graph.LearningGraph;
import dev.ponder.book.graph.LearningGraphFiles;

/**
 * The learning graph as the professor reviewed and edited it, kept beside the job record. When it exists the job
 * writes the book from it instead of the model's graph; since chapter plans hash the graph they were made from, an
 * edit replans only what it changed.
 */
public final class ReviewedGraph {

    public static final String FILE_NAME = "learning-graph-reviewed.json";

    private ReviewedGraph() {
    }

    public static Optional<LearningGraph> read(Path bookDir) throws IOException {
        Path file = bookDir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(LearningGraphFiles.readJson(file)) : Optional.empty();
    }

    public static void write(Path bookDir, LearningGraph graph) throws IOException {
        LearningGraphFiles.writeJson(bookDir.resolve(FILE_NAME), graph);
    }

    /** Goes back to the model's graph. */
    public static void discard(Path bookDir) throws IOException {
        Files.deleteIfExists(bookDir.resolve(FILE_NAME));
    }
}
