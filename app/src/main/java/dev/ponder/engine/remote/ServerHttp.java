package dev.ponder.engine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests to one server with the JDK's {@link HttpClient}: the API key as a bearer token, "not now" answers (429,
 * 503) retried as {@link RetryPolicy} says, and every other failure turned into a {@link RemoteFailure}. HTTP/1.1,
 * so that closing a reply's stream closes its connection, which is how servers learn that a client has gone.
 */
final class ServerHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Until the answer's headers: a server may queue a request behind others, or load its model first (Ollama). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);
    private static final int LONGEST_ERROR_BODY = 64 * 1024;

    private final URI root;
    private final String apiKey;
    private final RetryPolicy retries;
    private final HttpClient client;

    ServerHttp(URI root, String apiKey, RetryPolicy retries) {
        this.root = root;
        this.apiKey = apiKey;
        this.retries = retries;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI root() {
        return root;
    }

    /**
     * Sends a request (a POST of {@code body}, or a GET when it is null) and returns the successful answer with its
     * body open; empty when the call was cancelled first.
     *
     * @param model the model asked for, named when the server says it has no such model
     */
    Optional<HttpResponse<InputStream>> send(URI uri, JsonNode body, String model, Call call) throws RemoteFailure {
        HttpRequest request = request(uri, body);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response = exchange(request, call);
            if (response == null) {
                return Optional.empty();
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                call.reading(response.body());
                return Optional.of(response);
            }
            String said = RemoteFailure.serverSaid(errorBody(response.body()));
            Optional<Duration> wait = RetryPolicy.retriable(status)
                    ? retries.waitAfter(attempt, response.headers().firstValue("Retry-After"), Instant.now())
                    : Optional.empty();
            if (wait.isEmpty()) {
                throw RemoteFailure.fromStatus(root, uri, model, status, said);
            }
            LOG.info("{} answered {} ({}); trying again in {} ms", uri, status, said, wait.get().toMillis());
            try {
                if (!call.pause(wait.get().toMillis())) {
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** A request whose whole answer is JSON: the server's facts, token ids. */
    JsonNode json(URI uri, JsonNode body, String model) throws RemoteFailure {
        Call call = new Call();
        HttpResponse<InputStream> response = send(uri, body, model, call)
                .orElseThrow(() -> new RemoteFailure(RemoteFailure.Kind.UNREACHABLE, "interrupted while asking "
                        + uri));
        try (InputStream in = response.body()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw RemoteFailure.badStream(root, uri.getPath() + " answered no JSON: " + e.getMessage(), e);
        }
    }

    private HttpRequest request(URI uri, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RequestBodies.bytes(body))).build();
    }

    /** The answer's head, or null when the call was cancelled (or its thread interrupted) before it came. */
    private HttpResponse<InputStream> exchange(HttpRequest request, Call call) throws RemoteFailure {
        CompletableFuture<HttpResponse<InputStream>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        call.sending(answer);
        try {
            return answer.get();
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (call.cancelled()) {
                return null;
            }
            throw RemoteFailure.unreachable(root, e.getCause());
        }
    }

    private static String errorBody(InputStream in) {
        try (in) {
            return new String(in.readNBytes(LONGEST_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
