package dev.ponder.chat;

import java.util.function.Consumer;

import dev.ponder.engine.TokenSink;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.reasoning.ReasoningSplitter;

/**
 * A token sink that splits a chat reply into thinking and answer: whether the template already opened the thinking
 * block is read from the rendered prompt, never guessed. Thinking a server already split off comes in through
 * {@link #reasoning} and is thinking as it is.
 */
public final class SplittingSink implements TokenSink {

    private final ReasoningMarkers markers;
    private final Consumer<ReasoningEvent> events;
    private ReasoningSplitter splitter;

    public SplittingSink(ReasoningMarkers markers, Consumer<ReasoningEvent> events) {
        this.markers = markers;
        this.events = events;
    }

    @Override
    public void promptRendered(String prompt) {
        splitter = new ReasoningSplitter(markers, markers.primes(prompt), events);
    }

    @Override
    public void token(String text) {
        started().accept(text);
    }

    @Override
    public void reasoning(String text) {
        started().acceptThinking(text);
    }

    private ReasoningSplitter started() {
        if (splitter == null) {
            // An engine that did not report its prompt gets no priming: the reply starts outside thinking.
            promptRendered("");
        }
        return splitter;
    }

    /** Ends the reply; returns whether it ended inside thinking (the close marker never came). */
    public boolean finish() {
        if (splitter == null) {
            return false;
        }
        splitter.finish();
        return splitter.inThinking();
    }
}
