package dev.ponder.chat;

import java.time.Instant;

/**
 * One conversation, as listed.
 *
 * @param id database id
 * @param title shown in the list
 * @param model the model last chosen for it, {@code null} if none
 * @param createdAt when it was created
 * @param updatedAt when anything in it was last written; the list is sorted on this, newest first
 * @param messageCount how many messages it holds
 */
public record Conversation(long id, String title, String model, Instant createdAt, Instant updatedAt,
        int messageCount) {
}
