package dev.ponder.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;

/**
 * An engine that replies with a fixed token script, for fast tests of the logic around the engine. Features are also
 * tested through the real engine; this one never stands in for it alone.
 */
public final class ScriptedEngine implements Engine {

    private final String renderedPrompt;
    private final List<String> tokens;
    private final EngineException failAfterScript;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile List<ChatTurn> lastTurns = List.of();

    /** Replies with {@code tokens} to a prompt that the "template" renders ending in {@code renderedPrompt}. */
    public ScriptedEngine(String renderedPrompt, List<String> tokens) {
        this(renderedPrompt, tokens, null);
    }

    /** Like the other, then fails with {@code failure} instead of finishing, as a crashed engine does. */
    public ScriptedEngine(String renderedPrompt, List<String> tokens, EngineException failure) {
        this.renderedPrompt = renderedPrompt;
        this.tokens = List.copyOf(tokens);
        this.failAfterScript = failure;
    }

    /** The history the last chat call was given. */
    public List<ChatTurn> lastTurns() {
        return lastTurns;
    }

    @Override
    public LoadedModel load(LoadSettings settings) {
        throw new UnsupportedOperationException("a scripted engine loads nothing");
    }

    @Override
    public void unload() {
    }

    @Override
    public Optional<LoadedModel> loaded() {
        return Optional.empty();
    }

    @Override
    public Generation chat(List<ChatTurn> turns, Sampling sampling, TokenSink sink) throws EngineException {
        lastTurns = List.copyOf(turns);
        sink.promptRendered(renderedPrompt);
        return complete(CompletionRequest.of(renderedPrompt, sampling), sink);
    }

    @Override
    public Generation complete(CompletionRequest request, TokenSink sink) throws EngineException {
        cancelled.set(false);
        int sent = 0;
        for (String token : tokens) {
            if (cancelled.get()) {
                return new Generation(StopReason.CANCELLED, 1, sent, 1, 100, 1);
            }
            sink.token(token);
            sent++;
        }
        if (failAfterScript != null) {
            throw failAfterScript;
        }
        return new Generation(StopReason.END, 1, sent, 1, 100, 1);
    }

    @Override
    public int[] tokenize(String text) {
        return text.chars().toArray();
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void close() {
    }
}
