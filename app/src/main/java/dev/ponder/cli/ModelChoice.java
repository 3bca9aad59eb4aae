package dev.ponder.cli;

import java.nio.file.Path;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which model a command uses: a local GGUF file ({@code --model}), or a model on a server ({@link RemoteOptions}). */
public final class ModelChoice {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The GGUF model file.")
    Path model;

    @ArgGroup(exclusive = false)
    RemoteOptions remote;

    /** The local file, or null when a server's model was chosen. */
    public Path model() {
        return model;
    }

    /** The server's model, or null when a local file was chosen. */
    public RemoteOptions remote() {
        return remote;
    }
}
