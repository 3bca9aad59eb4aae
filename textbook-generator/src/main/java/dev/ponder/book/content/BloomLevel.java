package dev.ponder.book.content;

/** The six levels of the revised (2001) Bloom taxonomy, lowest first. */
public enum BloomLevel {
    REMEMBER, UNDERSTAND, APPLY, ANALYZE, EVALUATE, CREATE
}
