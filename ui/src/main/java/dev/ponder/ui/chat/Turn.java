package dev.ponder.ui.chat;

import dev.ponder.chat.Message;

/**
 * A message as the transcript shows it: with its place among its siblings, for the "‹ 2/3 ›" branch switcher.
 *
 * @param branchIndex 1-based place among the messages that share its parent
 */
public record Turn(Message message, int branchIndex, int branchCount) {

    public static Turn single(Message message) {
        return new Turn(message, 1, 1);
    }

    public long id() {
        return message.id();
    }
}
