package dev.ponder.reasoning;

import java.time.InstantSource;
import java.util.Objects;

/**
 * A whole message split into thinking and answer: the concatenation of the {@link ReasoningSplitter}'s deltas.
 *
 * @param thinking       the chain of thought, leading whitespace dropped; {@code ""} when there was none
 * @param answer         the answer; {@code ""} when the message ended inside thinking
 * @param thinkingClosed true iff the message does <em>not</em> end inside thinking: the close marker came, or there
 *                       was no thinking at all. False only when thinking was opened (or primed) and never closed, i.e.
 *                       the model stopped mid-thought. (This differs from {@link ReasoningSplitter#thinkingClosed()},
 *                       which is strictly "the close marker was seen".)
 */
public record ReasoningResult(String thinking, String answer, boolean thinkingClosed) {

    public ReasoningResult {
        Objects.requireNonNull(thinking, "thinking");
        Objects.requireNonNull(answer, "answer");
    }

    /** Runs a splitter over {@code tokens} (in order, any chunking) and concatenates what it sends. */
    public static ReasoningResult split(ReasoningMarkers markers, boolean primed, Iterable<String> tokens) {
        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        ReasoningSplitter splitter = new ReasoningSplitter(markers, primed, InstantSource.system(), event -> {
            switch (event) {
                case ReasoningEvent.ThinkingDelta d -> thinking.append(d.text());
                case ReasoningEvent.AnswerDelta d -> answer.append(d.text());
                case ReasoningEvent.ThinkingFinished f -> { }
            }
        });
        for (String token : tokens) {
            splitter.accept(token);
        }
        splitter.finish();
        return new ReasoningResult(thinking.toString(), answer.toString(), !splitter.inThinking());
    }
}
