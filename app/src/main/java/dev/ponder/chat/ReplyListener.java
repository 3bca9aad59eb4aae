package dev.ponder.chat;

import java.util.function.Consumer;

import dev.ponder.reasoning.ReasoningEvent;

/**
 * Follows one reply as {@link ChatService} writes it, on the engine's thread: first the stored messages it starts
 * with, so a window can show them at once, then thinking and answer as they stream.
 */
@FunctionalInterface
public interface ReplyListener extends Consumer<ReasoningEvent> {

    /**
     * The question is stored and the reply started.
     *
     * @param question the user message just added, or null when an earlier one is answered again (regenerate)
     * @param reply    the assistant message being written, still streaming
     */
    default void started(Message question, Message reply) {
    }
}
