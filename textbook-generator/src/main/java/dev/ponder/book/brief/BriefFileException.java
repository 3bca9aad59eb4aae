package dev.ponder.book.brief;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A brief file that cannot be used: a YAML syntax error, an unknown or missing field, a value of the wrong type or
 * out of range. The message names the file and, where known, the line and column, and says what to change.
 */
public final class BriefFileException extends IOException {

    private final transient Path file;
    private final int line;
    private final int column;

    /**
     * @param line   1-based, 0 when unknown
     * @param column 1-based, 0 when unknown
     */
    public BriefFileException(Path file, String detail, int line, int column, Throwable cause) {
        super(file + ": " + detail + (line > 0 ? " (line " + line + (column > 0 ? ", column " + column : "") + ")"
                : ""), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based; 0 when unknown. */
    public int column() {
        return column;
    }
}
