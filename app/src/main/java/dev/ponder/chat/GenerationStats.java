package dev.ponder.chat;

import dev.ponder.engine.Generation;

/**
 * Counts and timings of one generation; any field may be {@code null} when unknown (user messages, early failures).
 *
 * @param promptTokens tokens in the prompt the model read
 * @param completionTokens tokens the model wrote (thinking included)
 * @param timeToFirstTokenMillis from request to first generated token
 * @param tokensPerSecond generation speed after the first token
 */
public record GenerationStats(Integer promptTokens, Integer completionTokens, Long timeToFirstTokenMillis,
        Double tokensPerSecond) {

    /** No stats known. */
    public static final GenerationStats NONE = new GenerationStats(null, null, null, null);

    /** What is kept of an engine's measurements. */
    public static GenerationStats of(Generation generation) {
        return new GenerationStats(generation.promptTokens(), generation.completionTokens(),
                Math.round(generation.timeToFirstTokenMillis()), generation.tokensPerSecond());
    }
}
