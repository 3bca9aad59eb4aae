package dev.ponder.reasoning;

import java.util.Objects;

/**
 * The tags a model wraps its chain of thought in, a per-model setting.
 *
 * <p>Markers are matched exactly and case-sensitively ({@code </thinking>} is not {@code </think>}). Neither may be
 * blank or begin with whitespace (leading whitespace is trimmed before a marker is looked for), and they must differ.
 *
 * @param open  the tag that opens thinking, e.g. {@code <think>}
 * @param close the tag that closes thinking, e.g. {@code </think>}
 */
public record ReasoningMarkers(String open, String close) {

    /** {@code <think>} / {@code </think>}, as used by DeepSeek-R1 and its distills, QwQ, Qwen3 and others. */
    public static final ReasoningMarkers DEFAULT = new ReasoningMarkers("<think>", "</think>");

    public ReasoningMarkers {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        requireUsable("open", open);
        requireUsable("close", close);
        if (open.equals(close)) {
            throw new IllegalArgumentException("open and close markers must differ: " + open);
        }
    }

    private static void requireUsable(String which, String marker) {
        if (marker.isBlank()) {
            throw new IllegalArgumentException(which + " marker must not be blank");
        }
        if (Character.isWhitespace(marker.charAt(0))) {
            throw new IllegalArgumentException(which + " marker must not begin with whitespace: '" + marker + "'");
        }
    }

    /**
     * Whether a rendered prompt already opens thinking, i.e. ends with the open marker (trailing whitespace
     * ignored: R1-distill templates end with {@code "<think>\n"}). Pass the answer as the splitter's
     * {@code primed} flag.
     */
    public boolean primes(String renderedPrompt) {
        return renderedPrompt.stripTrailing().endsWith(open);
    }
}
