package dev.ponder.engine;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How llama.cpp stores the attention keys and values of the context. F16 is llama.cpp's default; the quantized types
 * hold about half ({@code q8_0}) or a quarter ({@code q4_0}) of that, for a longer context in the same memory, at a
 * small cost in quality.
 */
public enum KvCacheType {
    F16,
    Q8_0,
    Q4_0;

    /** llama.cpp's own name, as in {@code --cache-type-k}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean quantized() {
        return this != F16;
    }

    /** Bytes one key or value takes: ggml's q8_0 and q4_0 blocks hold 32 values with one f16 scale. */
    public double bytesPerValue() {
        return switch (this) {
            case F16 -> 2;
            case Q8_0 -> 34.0 / 32;
            case Q4_0 -> 18.0 / 32;
        };
    }

    @JsonCreator
    public static KvCacheType fromLabel(String label) {
        try {
            return valueOf(label.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown KV cache type '" + label + "': use f16, q8_0 or q4_0", e);
        }
    }
}
