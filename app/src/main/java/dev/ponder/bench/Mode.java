package dev.ponder.bench;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the engine runs during a benchmark: in the benchmark's own JVM, or in the supervised child the app uses. */
public enum Mode {
    IN_PROCESS,
    CHILD;

    /** The name used on the command line and in tables: {@code in-process}, {@code child}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Mode fromLabel(String label) {
        for (Mode mode : values()) {
            if (mode.label().equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + label + "': use in-process or child");
    }
}
