package dev.ponder.ui.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javafx.animation.AnimationTimer;

import dev.ponder.ui.Background;
import dev.ponder.ui.transcript.AnswerBlocks;
import dev.ponder.ui.transcript.MarkdownRenderer;
import dev.ponder.ui.transcript.StreamingMarkdown;
import dev.ponder.ui.transcript.TranscriptView;

/**
 * Moves a streaming reply into the transcript once per frame: whatever thinking arrived since the last pulse is
 * appended in one call, the live "Thinking… 12 s" header ticks, and the answer's Markdown is rendered off the FX
 * thread at most every {@value #RENDER_INTERVAL_MILLIS} ms, newest text first, its HTML swapped in on a later pulse.
 * Never a {@code Platform.runLater} per token.
 *
 * <p>Each rendering starts from the answer's last block ({@link StreamingMarkdown}), but that block can grow long (a
 * long code listing): the interval grows to {@value #RENDER_COST_SHARE} times the last rendering's time, so that
 * rendering never takes more than a share of a core from the FX and render threads (on two cores, a 10,000-token
 * answer rendered whole every 80 ms held one a third of the time and left the FX thread waiting for a core).
 */
final class StreamingPulse extends AnimationTimer {

    static final long RENDER_INTERVAL_MILLIS = 80;
    static final int RENDER_COST_SHARE = 4;
    /**
     * Each change to the page costs WebKit a layout and a repaint on the FX thread (profiled: most of the FX thread's
     * time while streaming), so thinking reaches the page at 20 Hz rather than every frame; faster than reading.
     */
    static final long UPDATE_INTERVAL_MILLIS = 50;

    private record Rendered(long messageId, AnswerBlocks answer, long tookNanos) {
    }

    private final ChatViewModel model;
    private final TranscriptView transcript;
    private final MarkdownRenderer renderer;
    private final Background background;
    private final AtomicReference<Rendered> rendered = new AtomicReference<>();

    private long messageId = -1;
    private StreamingMarkdown markdown;
    private int thinkingTokens;
    private boolean thinking;
    private long lastLabelSecond = -1;
    private String pendingAnswer;
    private boolean renderInFlight;
    private long lastRenderNanos;
    private long lastRenderCostNanos;
    private long lastUpdateNanos;

    private final BooleanSupplier foldThinkingWhenDone;

    /** @param foldThinkingWhenDone whether thinking folds away once it ends (the user's setting) */
    StreamingPulse(ChatViewModel model, TranscriptView transcript, MarkdownRenderer renderer, Background background,
                   BooleanSupplier foldThinkingWhenDone) {
        this.model = model;
        this.transcript = transcript;
        this.renderer = renderer;
        this.background = background;
        this.foldThinkingWhenDone = foldThinkingWhenDone;
        // A reply can end between two pulses: what its buffer still holds goes in before the final rendering.
        model.liveProperty().addListener((observable, old, now) -> {
            if (old != null) {
                if (old.messageId() != messageId) {
                    startReply(old);
                }
                apply(old.buffer().drain(), old.started());
            }
        });
    }

    @Override
    public void handle(long now) {
        applyRendered();
        LiveReply reply = model.liveProperty().get();
        if (reply == null) {
            return;
        }
        if (reply.messageId() != messageId) {
            startReply(reply);
        }
        if (now - lastUpdateNanos >= UPDATE_INTERVAL_MILLIS * 1_000_000) {
            lastUpdateNanos = now;
            apply(reply.buffer().drain(), reply.started());
        }
        if (pendingAnswer != null && !renderInFlight && now - lastRenderNanos >= renderInterval(lastRenderCostNanos)) {
            render(messageId, pendingAnswer, now);
            pendingAnswer = null;
        }
    }

    private void apply(StreamBuffer.Delta delta, Instant started) {
        if (!delta.thinking().isEmpty()) {
            if (!thinking) {
                // Thinking stays open while it streams, whatever the fold setting: the user watches it.
                thinking = true;
                transcript.setThinkingCollapsed(messageId, false);
            }
            thinkingTokens += delta.thinkingTokens();
            transcript.appendThinking(messageId, delta.thinking());
        }
        if (delta.thinkingFinished()) {
            thinking = false;
            transcript.setThinkingLabel(messageId, MessageLabels.thought(delta.thoughtMillis()));
            transcript.setThinkingCollapsed(messageId, foldThinkingWhenDone.getAsBoolean());
        } else if (thinking) {
            tickThinkingLabel(started);
        }
        if (delta.answerChanged()) {
            pendingAnswer = delta.answerSoFar();
        }
    }

    private void startReply(LiveReply reply) {
        messageId = reply.messageId();
        markdown = new StreamingMarkdown(renderer);
        thinkingTokens = 0;
        thinking = false;
        lastLabelSecond = -1;
        pendingAnswer = null;
        lastRenderCostNanos = 0;
    }

    private void tickThinkingLabel(Instant started) {
        Duration elapsed = Duration.between(started, Instant.now());
        if (elapsed.toSeconds() != lastLabelSecond || thinkingTokens % 8 == 0) {
            lastLabelSecond = elapsed.toSeconds();
            transcript.setThinkingLabel(messageId, MessageLabels.thinkingLive(elapsed, thinkingTokens));
        }
    }

    private void render(long id, String text, long now) {
        renderInFlight = true;
        lastRenderNanos = now;
        StreamingMarkdown replyMarkdown = markdown;
        background.execute(() -> {
            long started = System.nanoTime();
            AnswerBlocks answer = replyMarkdown.render(text);
            rendered.set(new Rendered(id, answer, System.nanoTime() - started));
        });
    }

    /** Nanoseconds from one rendering to the next, after one that took {@code costNanos}. */
    static long renderInterval(long costNanos) {
        return Math.max(RENDER_INTERVAL_MILLIS * 1_000_000, RENDER_COST_SHARE * costNanos);
    }

    private void applyRendered() {
        Rendered result = rendered.getAndSet(null);
        if (result == null) {
            return;
        }
        renderInFlight = false;
        lastRenderCostNanos = result.tookNanos();
        // A render that finishes after its reply ended is dropped: the final text was rendered whole by then.
        if (result.messageId() == messageId && model.liveProperty().get() != null) {
            transcript.setAnswer(result.messageId(), result.answer());
            transcript.scrollToBottom();
        }
    }
}
