package dev.ponder.engine;

/** The engine could not do what was asked; the message says why and what the user can do. */
public class EngineException extends Exception {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
