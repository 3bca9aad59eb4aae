package dev.ponder.engine.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One streamed event of a chat or text completion, as OpenAI-compatible servers send it.
 *
 * @param content          answer text ({@code delta.content}, or {@code text} of a text completion); "" when none
 * @param reasoning        thinking the server split off ({@code delta.reasoning_content}, vLLM's and DeepSeek's
 *                         name, or {@code delta.reasoning}); "" when none
 * @param finishReason     why the reply ended, on its last chunk; null before
 * @param promptTokens     {@code usage.prompt_tokens}, or -1 when absent
 * @param completionTokens {@code usage.completion_tokens}, or -1 when absent
 * @param serverPerSecond  llama-server's own decode speed ({@code timings.predicted_per_second}), or -1
 * @param error            what an error object in the stream says, or null
 */
record StreamChunk(String content, String reasoning, String finishReason, int promptTokens, int completionTokens,
                   double serverPerSecond, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads one event's data.
     *
     * @throws JsonProcessingException when it is not JSON
     */
    static StreamChunk parse(String data) throws JsonProcessingException {
        JsonNode root = JSON.readTree(data);
        if (root == null || !root.isObject()) {
            throw new JsonProcessingException("not a JSON object") {
            };
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String content = text(delta.path("content")) + text(choice.path("text"));
        String reasoning = text(delta.path("reasoning_content")) + text(delta.path("reasoning"));
        JsonNode finish = choice.path("finish_reason");
        JsonNode usage = root.path("usage");
        JsonNode error = root.path("error");
        return new StreamChunk(content, reasoning, finish.isTextual() ? finish.asText() : null,
                usage.path("prompt_tokens").asInt(-1), usage.path("completion_tokens").asInt(-1),
                root.path("timings").path("predicted_per_second").asDouble(-1),
                error.isMissingNode() || error.isNull() ? null : RemoteFailure.serverSaid(error));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : "";
    }
}
