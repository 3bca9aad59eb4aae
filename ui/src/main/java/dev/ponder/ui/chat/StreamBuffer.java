package dev.ponder.ui.chat;

import dev.ponder.reasoning.ReasoningEvent;

/**
 * Where the engine thread leaves a streaming reply for the FX pulse to pick up: appends are cheap and never wait on
 * the FX thread, and the pulse takes everything that arrived since the last frame in one piece.
 */
public final class StreamBuffer {

    /** What arrived since the last {@link #drain()}, plus the answer so far (Markdown is rendered whole). */
    public record Delta(String thinking, int thinkingTokens, boolean thinkingFinished, long thoughtMillis,
                 String answerSoFar, boolean answerChanged) {
    }

    private final StringBuilder thinking = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private int thinkingTokens;
    private boolean thinkingFinished;
    private long thoughtMillis;
    private boolean answerChanged;

    public synchronized void accept(ReasoningEvent event) {
        switch (event) {
            case ReasoningEvent.ThinkingDelta delta -> {
                thinking.append(delta.text());
                thinkingTokens++;
            }
            case ReasoningEvent.AnswerDelta delta -> {
                answer.append(delta.text());
                answerChanged = true;
            }
            case ReasoningEvent.ThinkingFinished finished -> {
                thinkingFinished = true;
                thoughtMillis = finished.duration().toMillis();
            }
        }
    }

    public synchronized Delta drain() {
        Delta delta = new Delta(thinking.toString(), thinkingTokens, thinkingFinished, thoughtMillis,
                answerChanged ? answer.toString() : null, answerChanged);
        thinking.setLength(0);
        thinkingTokens = 0;
        thinkingFinished = false;
        answerChanged = false;
        return delta;
    }
}
