package dev.ponder.engine;

import java.util.List;
import java.util.Optional;

/**
 * A language-model engine: one loaded model at a time, one generation at a time per caller.
 *
 * <p>Generation calls block the calling thread and stream tokens to a {@link TokenSink}; callers that must not wait
 * (the UI) run them on a worker. {@link #cancel()} may be called from any thread and ends the generation in flight
 * within one token.
 */
public interface Engine extends AutoCloseable {

    /** Loads a model, replacing the one loaded before. */
    LoadedModel load(LoadSettings settings) throws EngineException;

    void unload() throws EngineException;

    Optional<LoadedModel> loaded();

    /**
     * The model generations use now, whether a file this engine loaded or a model a server serves; empty when there
     * is none yet.
     */
    default Optional<ServedModel> served() {
        return loaded().map(ServedModel::of);
    }

    /**
     * Streams a chat reply. The conversation is rendered with the model's own chat template; the rendered prompt is
     * given to {@link TokenSink#promptRendered(String)} before the first token, so that a caller can see whether the
     * template already opened a reasoning block.
     */
    default Generation chat(List<ChatTurn> turns, Sampling sampling, TokenSink sink) throws EngineException {
        return chat(turns, sampling, null, sink);
    }

    /**
     * Streams a chat reply whose text must match {@code jsonSchema} (null: free text). The schema constrains the
     * reply from its first token, so a reasoning model writes no thinking before it: structured steps skip thinking.
     */
    Generation chat(List<ChatTurn> turns, Sampling sampling, String jsonSchema, TokenSink sink)
            throws EngineException;

    /** Streams a raw completion of a prompt, optionally constrained by a GBNF grammar or a JSON schema. */
    Generation complete(CompletionRequest request, TokenSink sink) throws EngineException;

    int[] tokenize(String text) throws EngineException;

    default int countTokens(String text) throws EngineException {
        return tokenize(text).length;
    }

    /** Stops the generation in flight, if any; the partial text already streamed stays the caller's. */
    void cancel();

    @Override
    void close();
}
