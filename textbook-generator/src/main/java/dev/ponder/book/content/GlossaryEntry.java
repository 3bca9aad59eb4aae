package dev.ponder.book.content;

/** A term and its ISO 11179-style definition: precise, concise, distinct, not circular. */
public record GlossaryEntry(String term, String definition) {
}
