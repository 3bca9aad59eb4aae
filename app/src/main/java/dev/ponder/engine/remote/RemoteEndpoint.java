package dev.ponder.engine.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a remote engine sends its requests: a server speaking the OpenAI-compatible API (llama.cpp's
 * {@code llama-server}, vLLM, Ollama), the model to ask it for, and the API key if it wants one.
 *
 * <p>The key never leaves this record except in the {@code Authorization} header: {@link #toString()} leaves it out,
 * so that it can reach no log or error message.
 *
 * @param root     the server's address without a trailing {@code /v1}, e.g. {@code http://gpu-server:8080}
 * @param model    the model's name as the server lists it
 * @param parallel requests sent at once at most; more wait in this process
 * @param apiKey   the bearer token, or null when the server needs none
 */
public record RemoteEndpoint(URI root, String model, int parallel, String apiKey) {

    public RemoteEndpoint {
        Objects.requireNonNull(root, "root");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("name the model to use on " + root
                    + " (the server lists its models at /v1/models)");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel requests must be at least 1, not " + parallel);
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    /** An endpoint at the address a user typed ({@link #parseAddress}). */
    public static RemoteEndpoint of(String address, String model, int parallel, String apiKey) {
        return new RemoteEndpoint(parseAddress(address), model, parallel, apiKey);
    }

    /**
     * The server's root address from what a user typed: {@code http://host:8080}, with or without a trailing slash or
     * {@code /v1} (Ollama's documentation gives {@code http://localhost:11434/v1}).
     *
     * @throws IllegalArgumentException with the reason in words when it is no http(s) address
     */
    public static URI parseAddress(String address) {
        String text = address == null ? "" : address.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(notAnAddress(text, e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(notAnAddress(text, "it does not start with http:// or https://"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(notAnAddress(text, "it names no host"));
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(notAnAddress(text, "it has a query or fragment"));
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (path.endsWith("/v1")) {
            path = path.substring(0, path.length() - 3);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static String notAnAddress(String text, String why) {
        return "'" + text + "' is not a server address (" + why + "): give one like http://gpu-server:8080";
    }

    /** An address under the OpenAI-compatible API, e.g. {@code chat/completions}. */
    URI openAi(String path) {
        return URI.create(root + "/v1/" + path);
    }

    /** An address of the server's own API beside it (llama-server's {@code /props}, {@code /tokenize}). */
    URI server(String path) {
        return URI.create(root + "/" + path);
    }

    @Override
    public String toString() {
        return "RemoteEndpoint[" + root + ", model " + model + ", parallel " + parallel
                + (apiKey == null ? "" : ", with an API key") + "]";
    }
}
