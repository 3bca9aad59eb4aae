package dev.ponder.book.job;

import java.time.Instant;

/**
 * A finished step of a book job, as stored: what it produced from which inputs.
 *
 * @param inputHash hash of everything the step read; a step whose inputs changed runs again
 * @param status    {@code done} or {@code failed}
 * @param output    the step's product (JSON or Markdown), or null when it failed
 * @param thinking  what a reasoning model thought while producing it (kept for the professor, never in the book)
 */
public record StepRecord(String name, String inputHash, String status, String output, String thinking, String error,
                         int attempts, int tokens, long millis, Instant finishedAt) {

    public boolean done() {
        return "done".equals(status);
    }
}
