package dev.ponder.engine.remote;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Sampling;

/** The JSON bodies of the OpenAI-compatible requests, with the extensions the common servers share. */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {
    }

    /**
     * A streamed chat completion. A JSON schema goes as {@code response_format}, which llama-server, vLLM and Ollama
     * all turn into constrained decoding.
     */
    static ObjectNode chat(String model, List<ChatTurn> turns, Sampling sampling, String jsonSchema)
            throws EngineException {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.set("messages", messages(turns));
        streamed(body, sampling);
        if (jsonSchema != null) {
            body.set("response_format", responseFormat(jsonSchema));
        }
        return body;
    }

    /**
     * A streamed text completion of a raw prompt. llama-server takes a GBNF {@code grammar} or a {@code json_schema};
     * the schema also goes as {@code response_format}, the form other servers know.
     */
    static ObjectNode completion(String model, CompletionRequest request) throws EngineException {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("prompt", request.prompt());
        streamed(body, request.sampling());
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        if (request.grammar() != null) {
            body.put("grammar", request.grammar());
        } else if (request.jsonSchema() != null) {
            body.set("json_schema", schema(request.jsonSchema()));
            body.set("response_format", responseFormat(request.jsonSchema()));
        }
        return body;
    }

    /** The chat as llama-server's {@code /apply-template} takes it, to learn how its template renders the chat. */
    static ObjectNode template(List<ChatTurn> turns) {
        ObjectNode body = JSON.createObjectNode();
        body.set("messages", messages(turns));
        return body;
    }

    /**
     * Text to count tokens of: {@code content} for llama-server's {@code /tokenize}, {@code model} and {@code prompt}
     * for vLLM's.
     */
    static ObjectNode tokenize(String model, String text) {
        return JSON.createObjectNode().put("content", text).put("model", model).put("prompt", text);
    }

    private static ArrayNode messages(List<ChatTurn> turns) {
        ArrayNode messages = JSON.createArrayNode();
        for (ChatTurn turn : turns) {
            messages.addObject().put("role", turn.role().wireName()).put("content", turn.content());
        }
        return messages;
    }

    /**
     * Sampling as the servers name it. Top-k and min-p go only when they do something: vLLM refuses a top-k of 0, which
     * to llama.cpp means "off".
     */
    private static void streamed(ObjectNode body, Sampling sampling) {
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        body.put("temperature", sampling.temperature()).put("top_p", sampling.topP());
        if (sampling.topK() > 0) {
            body.put("top_k", sampling.topK());
        }
        if (sampling.minP() > 0) {
            body.put("min_p", sampling.minP());
        }
        if (sampling.maxTokens() > 0) {
            body.put("max_tokens", sampling.maxTokens());
        }
        if (sampling.seed() >= 0) {
            body.put("seed", sampling.seed());
        }
    }

    private static ObjectNode responseFormat(String jsonSchema) throws EngineException {
        ObjectNode format = JSON.createObjectNode().put("type", "json_schema");
        format.putObject("json_schema").put("name", "reply").put("strict", true).set("schema", schema(jsonSchema));
        return format;
    }

    private static JsonNode schema(String jsonSchema) throws EngineException {
        try {
            return JSON.readTree(jsonSchema);
        } catch (JsonProcessingException e) {
            throw new EngineException("the JSON schema for the reply is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
