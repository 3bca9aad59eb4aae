package dev.ponder.chat;

import dev.ponder.engine.Sampling;
import dev.ponder.engine.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored message. The model's visible answer and its thinking are kept apart: thinking is shown and searchable
 * but never sent back to the model (see {@link HistoryAssembler}).
 *
 * @param id database id
 * @param conversationId the conversation it belongs to
 * @param parentId the message it follows, {@code null} for the first (ready for branches)
 * @param role who wrote it
 * @param answer the visible text (for user and system messages, their whole text)
 * @param thinking the reasoning text, empty when none
 * @param thinkingMillis how long the model thought, {@code null} when unknown or no thinking
 * @param thinkingClosed whether the model closed its thinking block
 * @param status where generation stands
 * @param error why generation failed, {@code null} unless it did
 * @param model the model that wrote it, {@code null} for user messages
 * @param sampling the sampling parameters used, {@code null} for user messages
 * @param stats token counts and timings, {@link GenerationStats#NONE} when unknown
 * @param createdAt when it was created
 * @param updatedAt when it was last saved
 */
public record Message(long id, long conversationId, Long parentId, Role role, String answer, String thinking,
        Long thinkingMillis, boolean thinkingClosed, MessageStatus status, String error, String model,
        Sampling sampling, GenerationStats stats, Instant createdAt, Instant updatedAt) {

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        answer = answer == null ? "" : answer;
        thinking = thinking == null ? "" : thinking;
        stats = stats == null ? GenerationStats.NONE : stats;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
