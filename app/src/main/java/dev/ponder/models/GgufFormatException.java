package dev.ponder.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that must not be handed to llama.cpp. The message always starts with the file path and goes on to
 * say, in plain words, what is wrong with it, so it can be shown to the user as is.
 */
public final class GgufFormatException extends IOException {

    private final transient Path file;
    private final String problem;

    public GgufFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public GgufFormatException(Path file, String problem, Throwable cause) {
        super(file + " " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that was rejected. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file path: "is truncated: ...", "is not a GGUF model file ...". */
    public String problem() {
        return problem;
    }
}
