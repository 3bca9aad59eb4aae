package dev.ponder.chat;

/**
 * A message found by full-text search.
 *
 * @param conversationId where it is
 * @param messageId the message
 * @param conversationTitle the conversation's title, for the result list
 * @param snippet a few words around the match, with matched words in square brackets, e.g. "the [cat] sat"
 */
public record SearchHit(long conversationId, long messageId, String conversationTitle, String snippet) {
}
