package dev.ponder.chat;

import java.util.Locale;

/** Where a message stands. Stored as the lower-case name. */
public enum MessageStatus {
    /** Being generated now; text is saved in batches. Found at start, it means the app was killed or crashed. */
    STREAMING,
    /** Generation ended normally (end of turn or token limit). */
    COMPLETE,
    /** Generation was stopped early (user stop, crash, kill); the text up to the last save is kept. */
    INCOMPLETE,
    /** Generation failed; the message's error says why. Not sent back to the model. */
    ERROR;

    /** The stored spelling, e.g. "incomplete". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for a stored name such as "complete". */
    public static MessageStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
