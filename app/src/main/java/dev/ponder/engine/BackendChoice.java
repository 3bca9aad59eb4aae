package dev.ponder.engine;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which backend the user asked for: the best one present ({@link #AUTO}), or one forced. */
public enum BackendChoice {
    AUTO,
    CUDA,
    VULKAN,
    CPU;

    /** The backends to try, best first: CUDA, then Vulkan, then the CPU, which every machine has. */
    public List<Backend> candidates() {
        return switch (this) {
            case AUTO -> List.of(Backend.CUDA, Backend.VULKAN, Backend.CPU);
            case CUDA -> List.of(Backend.CUDA);
            case VULKAN -> List.of(Backend.VULKAN);
            case CPU -> List.of(Backend.CPU);
        };
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BackendChoice fromLabel(String label) {
        for (BackendChoice choice : values()) {
            if (choice.label().equalsIgnoreCase(label.strip())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + label + "': use auto, cuda, vulkan or cpu");
    }
}
