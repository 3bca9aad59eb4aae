package dev.ponder.reasoning;

import java.time.Duration;
import java.util.Objects;

/** What {@link ReasoningSplitter} reports as output streams in. */
public sealed interface ReasoningEvent {

    /** More chain-of-thought text; never empty. */
    record ThinkingDelta(String text) implements ReasoningEvent {
        public ThinkingDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /** More answer text; never empty. */
    record AnswerDelta(String text) implements ReasoningEvent {
        public AnswerDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The close marker arrived; sent at most once per message, after the last {@link ThinkingDelta} and before the
     * first {@link AnswerDelta} that follows thinking. Not sent when the message ends inside thinking.
     *
     * @param duration from the first token received to the token that completed the close marker
     */
    record ThinkingFinished(Duration duration) implements ReasoningEvent {
        public ThinkingFinished {
            Objects.requireNonNull(duration, "duration");
        }
    }
}
