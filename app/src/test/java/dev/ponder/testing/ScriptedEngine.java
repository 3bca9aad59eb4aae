package dev.ponder.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ponder.engine.ActiveBackend;
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
import dev.ponder.models.GgufInfo;

/**
 * An engine that replies with a fixed token script, for fast tests of the logic around the engine. Features are also
 * tested through the real engine; this one never stands in for it alone.
 */
public final class ScriptedEngine implements Engine {

    private final String renderedPrompt;
    /** The script of each reply in turn; the last one repeats. */
    private final List<List<String>> replies;
    private final AtomicInteger calls = new AtomicInteger();
    private final EngineException failAfterScript;
    private volatile Duration tokenDelay = Duration.ZERO;
    private volatile Duration promptTime = Duration.ZERO;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile List<ChatTurn> lastTurns = List.of();

    /** Replies with {@code tokens} to a prompt that the "template" renders ending in {@code renderedPrompt}. */
    public ScriptedEngine(String renderedPrompt, List<String> tokens) {
        this(renderedPrompt, tokens, null);
    }

    /** Like the other, then fails with {@code failure} instead of finishing, as a crashed engine does. */
    public ScriptedEngine(String renderedPrompt, List<String> tokens, EngineException failure) {
        this(List.of(List.copyOf(tokens)), renderedPrompt, failure);
    }

    private ScriptedEngine(List<List<String>> replies, String renderedPrompt, EngineException failure) {
        this.renderedPrompt = renderedPrompt;
        this.replies = List.copyOf(replies);
        this.failAfterScript = failure;
    }

    /** Answers each call with the next of {@code replies}, each as one token; the last one repeats. */
    public static ScriptedEngine replying(String... replies) {
        return new ScriptedEngine(java.util.Arrays.stream(replies).map(List::of).toList(), "", null);
    }

    /** How many generations were asked for. */
    public int calls() {
        return calls.get();
    }

    /** Waits {@code time} before the first token, as a real model reads the prompt first. */
    public ScriptedEngine withPromptTime(Duration time) {
        promptTime = time;
        return this;
    }

    /** Paces the script like a real model: one token every {@code delay} on average. */
    public ScriptedEngine withTokenDelay(Duration delay) {
        tokenDelay = delay;
        return this;
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

    /** A model that is always "loaded", so that callers which check for one go ahead. */
    @Override
    public Optional<LoadedModel> loaded() {
        GgufInfo info = new GgufInfo(Path.of("scripted.gguf").toAbsolutePath(), 0, 3, 0, 0, "scripted", "scripted",
                4096, 1, 1, 1, 1, "F32", null, 0, 0, 0, 1, 1, 0, 0, 0, 0, false, 0);
        return Optional.of(new LoadedModel(LoadSettings.defaults(info.file()).withContextSize(4096), info, 0,
                ActiveBackend.cpu((int) info.blockCount() + 1)));
    }

    @Override
    public Generation chat(List<ChatTurn> turns, Sampling sampling, String jsonSchema, TokenSink sink)
            throws EngineException {
        lastTurns = List.copyOf(turns);
        sink.promptRendered(renderedPrompt);
        return complete(CompletionRequest.of(renderedPrompt, sampling), sink);
    }

    @Override
    public Generation complete(CompletionRequest request, TokenSink sink) throws EngineException {
        cancelled.set(false);
        List<String> tokens = replies.get(Math.min(calls.getAndIncrement(), replies.size() - 1));
        int sent = 0;
        sleep(promptTime);
        long start = System.nanoTime();
        for (String token : tokens) {
            if (cancelled.get()) {
                return new Generation(StopReason.CANCELLED, 1, sent, 1, 100, 1);
            }
            sink.token(token);
            sent++;
            pace(start, sent);
        }
        if (failAfterScript != null) {
            throw failAfterScript;
        }
        return new Generation(StopReason.END, 1, sent, 1, 100, 1);
    }

    /** Sleeps until token {@code sent} is due, so that the average rate holds whatever sleep's granularity. */
    private void pace(long start, int sent) throws EngineException {
        if (tokenDelay.isZero()) {
            return;
        }
        long due = start + tokenDelay.toNanos() * sent;
        sleep(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
    }

    private static void sleep(Duration time) throws EngineException {
        if (time.isZero()) {
            return;
        }
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        }
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
