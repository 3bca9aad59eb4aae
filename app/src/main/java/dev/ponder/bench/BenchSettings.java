package dev.ponder.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to benchmark.
 *
 * @param tokens tokens generated per decode run
 * @param runs   measured runs per figure, each after one unmeasured warm-up run
 */
public record BenchSettings(Path model, String prompt, int tokens, int runs, List<Integer> threads,
                            List<Mode> modes) {

    /**
     * 512, not fewer: stories260K decodes several thousand tokens a second, so 256 tokens last well under 0.1 s and one
     * scheduler hiccup of a few milliseconds moves the rate by several percent, more than the 3% the child may cost.
     */
    public static final int DEFAULT_TOKENS = 512;
    public static final int DEFAULT_RUNS = 5;
    /** A story opening: the test model is trained on children's stories, so it keeps going rather than stopping. */
    public static final String DEFAULT_PROMPT = "Once upon a time";

    public BenchSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        threads = List.copyOf(threads);
        modes = List.copyOf(modes);
        if (tokens < 2 || runs < 1 || threads.isEmpty() || modes.isEmpty()
                || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("invalid benchmark: tokens " + tokens + " (at least 2), runs " + runs
                    + " (at least 1), threads " + threads + ", modes " + modes);
        }
    }
}
