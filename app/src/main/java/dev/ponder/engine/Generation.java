package dev.ponder.engine;

/**
 * What a finished generation measured.
 *
 * @param promptTokens          tokens in the prompt
 * @param completionTokens      tokens generated
 * @param timeToFirstTokenMillis from the request to the first generated token
 * @param tokensPerSecond       decode speed after the first token
 * @param totalMillis           from the request to the last token
 */
public record Generation(StopReason stopReason, int promptTokens, int completionTokens,
                         double timeToFirstTokenMillis, double tokensPerSecond, double totalMillis) {

    /**
     * A generation timed where its tokens arrived: the first token's delay, and the speed after it, so that reading
     * the prompt is not counted as decoding.
     *
     * @param start when the request began, from {@link System#nanoTime()}
     * @param first when the first token came
     * @param last  when the last token came
     */
    public static Generation measured(StopReason reason, int promptTokens, int tokens, long start, long first,
                                      long last) {
        double ttft = tokens == 0 ? 0 : (first - start) / 1e6;
        return new Generation(reason, promptTokens, tokens, ttft, rate(tokens, first, last), (last - start) / 1e6);
    }

    /** Tokens after the first over the time since the first; 0 when that cannot be told. */
    public static double rate(int tokens, long firstNanos, long lastNanos) {
        return tokens > 1 && lastNanos > firstNanos ? (tokens - 1) / ((lastNanos - firstNanos) / 1e9) : 0;
    }

    /** The same generation with another decode speed: one the server measured itself. */
    public Generation withTokensPerSecond(double perSecond) {
        return new Generation(stopReason, promptTokens, completionTokens, timeToFirstTokenMillis, perSecond,
                totalMillis);
    }
}
