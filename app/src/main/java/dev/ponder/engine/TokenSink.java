package dev.ponder.engine;

/** Receives a generation as it streams, on the generating thread: implementations must return quickly. */
@FunctionalInterface
public interface TokenSink {

    /** The text of one generated token (may be empty while a multi-byte character is incomplete). */
    void token(String text);

    /**
     * Thinking that came apart from the answer: a server that splits a reasoning model's output itself sends it so
     * ({@code reasoning_content} in the OpenAI-compatible API). Engines that stream the model's own text never call
     * this; its thinking then comes through {@link #token} between the model's markers. The default drops it, which
     * suits sinks that keep only the answer, such as a reply held to a grammar.
     */
    default void reasoning(String text) {
    }

    /** The chat prompt as the template rendered it, before the first token. */
    default void promptRendered(String prompt) {
    }

    static TokenSink discard() {
        return text -> {
        };
    }
}
