/**
 * Splitting a reasoning model's streamed output into its chain of thought and its answer.
 *
 * <p>{@link dev.ponder.reasoning.ReasoningSplitter} is the streaming state machine (token text in,
 * {@link dev.ponder.reasoning.ReasoningEvent}s out); {@link dev.ponder.reasoning.ReasoningMarkers} are the per-model
 * thinking tags; {@link dev.ponder.reasoning.ReasoningResult} is the whole-message view built on the splitter.
 * Only the JDK is used here.
 */
package dev.ponder.reasoning;
