package dev.ponder.engine;

import java.util.Locale;

/** Who speaks a turn, spelled as chat templates expect. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a stored or template name such as "assistant". */
    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
