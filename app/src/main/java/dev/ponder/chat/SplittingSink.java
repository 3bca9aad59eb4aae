package dev.ponder.chat;

import java.util.function.Consumer;

import dev.ponder.engine.TokenSink;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.reasoning.ReasoningSplitter;

/**
 * A token sink that splits a chat reply into thinking and answer: whether the template already opened the thinking
 * block is read from the rendered prompt, never guessed.
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
        if (splitter == null) {
            // An engine that did not report its prompt gets no priming: the reply starts outside thinking.
            promptRendered("");
        }
        splitter.accept(text);
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
