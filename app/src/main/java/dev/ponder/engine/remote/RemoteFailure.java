package dev.ponder.engine.remote;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.engine.EngineException;

/**
 * A remote server could not give what was asked, in words a user can act on. {@link #kind()} lets a caller (the
 * connection test in Settings, a retry) tell the cases apart without reading the message.
 */
public final class RemoteFailure extends EngineException {

    /** What went wrong. */
    public enum Kind {
        /** No connection: the server is down, the address or port is wrong, or a firewall is in the way. */
        UNREACHABLE,
        /** The server refused the API key, or wanted one and got none (401, 403). */
        UNAUTHORIZED,
        /** The server does not serve the model asked for. */
        MODEL_NOT_FOUND,
        /** The address answers, but not with the API asked for (404 on the path). */
        NOT_FOUND,
        /** Rate-limited (429) still after the retries. */
        RATE_LIMITED,
        /** Busy or still loading (503) still after the retries. */
        UNAVAILABLE,
        /** The server refused the request itself (400, 422...): too long a prompt, a schema it cannot follow. */
        REFUSED,
        /** The server failed while answering (500s, or an error event mid-stream). */
        SERVER_ERROR,
        /** The stream ended before the reply did: the server stopped or the connection broke. */
        STREAM_CUT,
        /** The server sent something that is not the API's JSON. */
        BAD_STREAM,
        /** The server lacks what was asked of it (a /tokenize, a GBNF grammar). */
        NOT_SUPPORTED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LONGEST_QUOTE = 300;

    private final Kind kind;

    RemoteFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    RemoteFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static RemoteFailure unreachable(URI root, Throwable cause) {
        return new RemoteFailure(Kind.UNREACHABLE, "Cannot reach the server at " + root + " (" + why(cause)
                + "). Check that it is running and that the address and port are right.", cause);
    }

    /** The JDK's connection failures in words; most of them carry no message of their own. */
    private static String why(Throwable cause) {
        if (causedBy(cause, java.net.UnknownHostException.class)
                || causedBy(cause, java.nio.channels.UnresolvedAddressException.class)) {
            return "unknown host"; // the JDK wraps it in a ConnectException
        }
        if (causedBy(cause, java.net.http.HttpConnectTimeoutException.class)) {
            return "no connection in time";
        }
        if (causedBy(cause, java.net.http.HttpTimeoutException.class)) {
            return "no answer in time";
        }
        if (causedBy(cause, java.net.ConnectException.class)) {
            return "connection refused";
        }
        return cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
                : cause.getMessage();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            if (kind.isInstance(at)) {
                return true;
            }
        }
        return false;
    }

    static RemoteFailure fromStatus(URI root, URI asked, String model, int status, String said) {
        String answer = status + (said.isEmpty() ? "" : ": " + said);
        return switch (status) {
            case 401, 403 -> new RemoteFailure(Kind.UNAUTHORIZED, "The server at " + root + " refused the API key ("
                    + answer + "). Check the key stored for this server, or set PONDER_API_KEY.");
            case 404 -> said.toLowerCase(java.util.Locale.ROOT).contains("model")
                    ? modelNotFound(root, model, answer)
                    : new RemoteFailure(Kind.NOT_FOUND, "The server at " + root + " has no OpenAI-compatible API at "
                    + asked.getPath() + " (" + answer + "). Check the address: it is the server's, like "
                    + "http://host:8080, with or without /v1.");
            case 429 -> new RemoteFailure(Kind.RATE_LIMITED, "The server at " + root + " is limiting requests ("
                    + answer + "). Try again later, or send fewer requests at once.");
            case 503 -> new RemoteFailure(Kind.UNAVAILABLE, "The server at " + root + " is not ready (" + answer
                    + "): it may still be loading its model. Try again in a moment.");
            default -> status >= 500
                    ? new RemoteFailure(Kind.SERVER_ERROR, "The server at " + root + " failed (" + answer + ").")
                    : new RemoteFailure(Kind.REFUSED, "The server at " + root + " refused the request (" + answer
                    + ").");
        };
    }

    static RemoteFailure modelNotFound(URI root, String model, String detail) {
        return new RemoteFailure(Kind.MODEL_NOT_FOUND, "The server at " + root + " has no model '" + model + "' ("
                + detail + "). Pick one of the models it lists.");
    }

    static RemoteFailure streamCut(URI root, int tokens, Throwable cause) {
        return new RemoteFailure(Kind.STREAM_CUT, "The connection to " + root + " ended in the middle of the reply, "
                + "after " + tokens + " tokens" + (cause == null ? "" : " (" + cause.getMessage() + ")")
                + ". The text so far is kept, marked incomplete; check the server and try again.", cause);
    }

    static RemoteFailure badStream(URI root, String what, Throwable cause) {
        return new RemoteFailure(Kind.BAD_STREAM, "The server at " + root + " sent something Ponder cannot read ("
                + what + "). The text so far is kept, marked incomplete.", cause);
    }

    static RemoteFailure stoppedMidStream(URI root, String said) {
        return new RemoteFailure(Kind.SERVER_ERROR, "The server at " + root + " stopped the reply: " + said
                + ". The text so far is kept, marked incomplete.");
    }

    /**
     * What an error body says, in the shapes servers use: OpenAI's {@code {"error": {"message": ...}}}, llama-server's
     * and Ollama's the same or {@code {"error": "..."}}, vLLM's {@code {"message": ...}}, FastAPI's
     * {@code {"detail": ...}}; otherwise the body's start as it is. "" when the body is empty.
     */
    static String serverSaid(String body) {
        try {
            return serverSaid(JSON.readTree(body));
        } catch (java.io.IOException | RuntimeException e) {
            return quote(body);
        }
    }

    static String serverSaid(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return quote(node.asText());
        }
        for (String field : new String[] {"error", "message", "detail"}) {
            JsonNode inner = node.path(field);
            if (!inner.isMissingNode() && !inner.isNull()) {
                return serverSaid(inner);
            }
        }
        return quote(node.toString());
    }

    private static String quote(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= LONGEST_QUOTE ? line : line.substring(0, LONGEST_QUOTE) + "…";
    }
}
