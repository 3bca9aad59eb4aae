package dev.ponder.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Server-sent events as OpenAI-compatible servers write them, for scripted servers. */
public final class Chunks {

    public static final String DONE = "data: [DONE]\n\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Chunks() {
    }

    public static String content(String text) {
        return delta("content", text);
    }

    /** Thinking the server split off, as vLLM and DeepSeek's API send it. */
    public static String reasoning(String text) {
        return delta("reasoning_content", text);
    }

    /** The last chunk: why the reply ended, the usage, and llama-server's timings. */
    public static String finish(String reason, int promptTokens, int completionTokens, double perSecond) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        chunk.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens);
        chunk.putObject("timings").put("predicted_n", completionTokens).put("predicted_per_second", perSecond);
        return event(chunk);
    }

    private static String delta(String field, String text) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                .put(field, text);
        return event(chunk);
    }

    private static String event(ObjectNode chunk) {
        return "data: " + chunk + "\n\n";
    }
}
