package dev.ponder.book.graph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A learning-graph file that cannot be read: broken CSV quoting, a wrong header, an id that is not a whole number,
 * JSON that is not vis-network's node/edge format. The message names the file and, where known, the line.
 */
public final class GraphFileException extends IOException {

    private final transient Path file;
    private final int line;

    /** @param line 1-based, 0 when unknown */
    public GraphFileException(Path file, int line, String detail, Throwable cause) {
        super((file == null ? "learning graph" : file.toString()) + (line > 0 ? " line " + line : "") + ": " + detail,
                cause);
        this.file = file;
        this.line = line;
    }

    /** The file, or null when text was parsed without one. */
    public Path file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }
}
