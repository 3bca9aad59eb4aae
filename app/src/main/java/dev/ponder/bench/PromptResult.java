package dev.ponder.bench;

/**
 * How fast a prompt of one length was processed: a fresh prompt each run (nothing cached), one token generated.
 *
 * @param tokens           the prompt's length in tokens
 * @param firstTokenMillis from the completion call until the first token reached the caller
 * @param tokensPerSecond  the prompt's tokens over that time: prompt processing, as llama-bench's ppN measures it
 *                         (which excludes the sampling and the one decoded token counted here)
 */
public record PromptResult(int tokens, Stats firstTokenMillis, Stats tokensPerSecond) {
}
