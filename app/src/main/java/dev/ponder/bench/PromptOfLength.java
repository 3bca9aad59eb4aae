package dev.ponder.bench;

import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineException;

/**
 * Builds prompts of a given length in the model's own tokens, each with a different start, so that llama.cpp's prompt
 * cache can reuse nothing from the run before: every run processes the whole prompt, as llama-bench's ppN does.
 */
final class PromptOfLength {

    private static final String[] WORDS = ("the quick brown fox jumps over a lazy dog while seven bright stars "
            + "rise above quiet hills and rivers carry old stories toward the sea").split(" ");

    private PromptOfLength() {
    }

    /**
     * A prompt of {@code tokens} tokens as the engine counts them (one more at most, where the last word is two
     * tokens), starting with {@code run}'s number.
     */
    static String build(Engine engine, int tokens, int run) throws EngineException {
        // The fewest words that reach the length, by bisection: a dozen tokenize calls, not one per word.
        int low = 1;
        int high = 1;
        while (engine.countTokens(text(high, run)) < tokens) {
            low = high + 1;
            high *= 2;
        }
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (engine.countTokens(text(middle, run)) < tokens) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return text(low, run);
    }

    private static String text(int words, int run) {
        StringBuilder text = new StringBuilder("Run ").append(run).append(':');
        for (int i = 0; i < words; i++) {
            text.append(' ').append(WORDS[(i + run) % WORDS.length]);
        }
        return text.toString();
    }
}
