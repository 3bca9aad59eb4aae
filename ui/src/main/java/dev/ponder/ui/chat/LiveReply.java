package dev.ponder.ui.chat;

import java.time.Instant;

/** The reply being streamed now: its message id, where its text arrives, and when it started. */
public record LiveReply(long messageId, StreamBuffer buffer, Instant started) {
}
