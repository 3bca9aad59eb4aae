package dev.ponder.engine;

/** A model file could not be loaded: unreadable, not GGUF, damaged, or refused by llama.cpp. */
public class ModelLoadException extends EngineException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
