package dev.ponder.book.content;

/** A learning objective tagged with its level in Bloom's 2001 taxonomy. */
public record Objective(BloomLevel level, String text) {
}
