package dev.ponder.engine;

/**
 * A backend could not run the model: its library did not load, it found no device, or the device could not hold the
 * model. The next backend may; the message says what went wrong with this one.
 */
public class BackendUnavailableException extends ModelLoadException {

    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
