package dev.ponder.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.ponder.engine.Acceleration;

/**
 * What to benchmark.
 *
 * @param tokens       tokens generated per decode run
 * @param runs         measured runs per figure, each after one unmeasured warm-up run
 * @param acceleration the backend and its options, as a user would load the model
 * @param promptTokens prompt lengths whose processing is timed (time to the first token), like llama-bench's pp512;
 *                     empty for none
 */
public record BenchSettings(Path model, String prompt, int tokens, int runs, List<Integer> threads,
                            List<Mode> modes, Acceleration acceleration, List<Integer> promptTokens) {

    /**
     * 512, not fewer: stories260K decodes several thousand tokens a second, so 256 tokens last well under 0.1 s and one
     * scheduler hiccup of a few milliseconds moves the rate by several percent, more than the 3% the child may cost.
     */
    public static final int DEFAULT_TOKENS = 512;
    public static final int DEFAULT_RUNS = 5;
    /** llama-bench's pp512, so that the two can be read side by side. */
    public static final int DEFAULT_PROMPT_TOKENS = 512;
    /** A story opening: the test model is trained on children's stories, so it keeps going rather than stopping. */
    public static final String DEFAULT_PROMPT = "Once upon a time";

    public BenchSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(acceleration, "acceleration");
        threads = List.copyOf(threads);
        modes = List.copyOf(modes);
        promptTokens = List.copyOf(promptTokens);
        if (tokens < 2 || runs < 1 || threads.isEmpty() || modes.isEmpty()
                || threads.stream().anyMatch(t -> t < 1) || promptTokens.stream().anyMatch(n -> n < 2)) {
            throw new IllegalArgumentException("invalid benchmark: tokens " + tokens + " (at least 2), runs " + runs
                    + " (at least 1), threads " + threads + ", modes " + modes + ", prompt tokens " + promptTokens
                    + " (at least 2 each)");
        }
    }
}
