package dev.ponder.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.ponder.models.GgufFormatException;
import dev.ponder.models.GgufInfo;
import picocli.CommandLine.Parameters;

/** The FILE argument of the commands that read a model's header, and how they refuse a file that is no model. */
final class ModelFileArgument {

    @Parameters(paramLabel = "FILE", description = "A GGUF model file.")
    Path file;

    /** The header, or empty after saying on stderr why the file is unusable (the caller exits with BAD_INPUT). */
    Optional<GgufInfo> read() {
        try {
            return Optional.of(GgufInfo.read(file));
        } catch (GgufFormatException e) {
            System.err.println("ponder: " + e.getMessage());
            return Optional.empty();
        }
    }
}
