package dev.ponder.engine;

import java.util.List;
import java.util.Objects;

/**
 * A raw completion: the prompt is sent as it is, with no template.
 *
 * @param grammar    a GBNF grammar the output must follow, or null
 * @param jsonSchema a JSON schema the output must match, or null (turned into a grammar by llama.cpp)
 * @param stop       strings that end the generation when produced
 */
public record CompletionRequest(String prompt, Sampling sampling, String grammar, String jsonSchema,
                                List<String> stop) {

    public CompletionRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sampling, "sampling");
        if (grammar != null && jsonSchema != null) {
            throw new IllegalArgumentException("give a grammar or a JSON schema, not both");
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    public static CompletionRequest of(String prompt, Sampling sampling) {
        return new CompletionRequest(prompt, sampling, null, null, List.of());
    }

    public CompletionRequest withGrammar(String gbnf) {
        return new CompletionRequest(prompt, sampling, gbnf, null, stop);
    }

    public CompletionRequest withJsonSchema(String schema) {
        return new CompletionRequest(prompt, sampling, null, schema, stop);
    }
}
