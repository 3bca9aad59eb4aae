package dev.ponder.cli;

import java.nio.file.Path;

import dev.ponder.store.DataDirectory;
import picocli.CommandLine.Option;

/** The {@code --models-dir} option of the model commands: the data folder's {@code models/} by default. */
final class ModelsFolderOption {

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Where models are kept (default: the data folder's models/).")
    Path modelsDir;

    Path folder() {
        return (modelsDir != null ? modelsDir : DataDirectory.platformDefault().resolve("models"))
                .toAbsolutePath().normalize();
    }
}
