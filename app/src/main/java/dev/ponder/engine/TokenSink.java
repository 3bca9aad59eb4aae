package dev.ponder.engine;

/** Receives a generation as it streams, on the generating thread: implementations must return quickly. */
@FunctionalInterface
public interface TokenSink {

    /** The text of one generated token (may be empty while a multi-byte character is incomplete). */
    void token(String text);

    /** The chat prompt as the template rendered it, before the first token. */
    default void promptRendered(String prompt) {
    }

    static TokenSink discard() {
        return text -> {
        };
    }
}
