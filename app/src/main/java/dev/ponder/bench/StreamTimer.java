package dev.ponder.bench;

import dev.ponder.engine.Generation;
import dev.ponder.engine.TokenSink;

/**
 * A sink that times a stream where the caller receives it. Only a counter and two timestamps per token: at several
 * thousand tokens a second, anything heavier would be measured along with the engine.
 */
final class StreamTimer implements TokenSink {

    private final long start = System.nanoTime();
    private long first;
    private long last;
    private int tokens;

    @Override
    public void token(String text) {
        last = System.nanoTime();
        if (tokens++ == 0) {
            first = last;
        }
    }

    int tokens() {
        return tokens;
    }

    double firstTokenMillis() {
        return (first - start) / 1e6;
    }

    /** Tokens after the first over the time since the first, so that the prompt is not counted as decoding. */
    double tokensPerSecond() {
        return Generation.rate(tokens, first, last);
    }
}
