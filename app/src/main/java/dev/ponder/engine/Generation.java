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
}
