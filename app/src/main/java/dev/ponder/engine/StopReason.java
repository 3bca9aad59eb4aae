package dev.ponder.engine;

/** Why a generation ended. */
public enum StopReason {
    /** The model produced its end-of-generation token or a stop string. */
    END,
    /** The token limit or the context was reached. */
    LENGTH,
    /** The caller cancelled. */
    CANCELLED
}
