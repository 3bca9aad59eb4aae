package dev.ponder.ui.model;

import java.nio.file.Path;

import dev.ponder.connections.Connection;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.ServedModel;

/** The model chat uses: a file loaded into the engine child, or a model on the server of one of the connections. */
public sealed interface ModelInUse {

    /** Its name, context and parallel requests, whichever kind it is. */
    ServedModel served();

    /** A GGUF file the engine child loaded. */
    record Local(LoadedModel loaded) implements ModelInUse {

        @Override
        public ServedModel served() {
            return ServedModel.of(loaded);
        }

        public Path file() {
            return loaded.settings().model();
        }
    }

    /** A model the server of {@code connection} serves. */
    record Remote(Connection connection, ServedModel served) implements ModelInUse {
    }
}
