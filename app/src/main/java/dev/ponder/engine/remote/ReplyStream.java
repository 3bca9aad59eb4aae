package dev.ponder.engine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.ponder.engine.Generation;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;

/**
 * One streamed reply, from the answer's body to the caller's sink: thinking the server split off goes to
 * {@link TokenSink#reasoning}, the rest to {@link TokenSink#token}, and what the server reports at the end (usage,
 * llama-server's timings) goes into the {@link Generation}.
 *
 * <p>A reply has ended when the server said why ({@code finish_reason}) or sent {@code [DONE]}; a stream that stops
 * before either was cut, and what came before it stays with the caller.
 */
final class ReplyStream {

    private final URI root;
    private final Call call;
    private final TokenSink sink;
    private final long start;
    private long first;
    private long last;
    private int deltas;
    private int promptTokens = -1;
    private int completionTokens = -1;
    private double serverPerSecond = -1;
    private String finishReason;

    /** @param start when the request was sent, from {@link System#nanoTime()} */
    ReplyStream(URI root, Call call, TokenSink sink, long start) {
        this.root = root;
        this.call = call;
        this.sink = sink;
        this.start = start;
        this.last = start;
    }

    Generation read(InputStream body) throws RemoteFailure {
        boolean done = false;
        try (body) {
            ServerSentEvents events = new ServerSentEvents(body);
            for (ServerSentEvents.Event event; !done && (event = events.next()) != null; ) {
                done = accept(event);
            }
        } catch (IOException e) {
            if (!call.cancelled()) {
                throw RemoteFailure.streamCut(root, tokens(), e);
            }
        }
        if (call.cancelled()) {
            return generation(StopReason.CANCELLED);
        }
        if (!done && finishReason == null) {
            throw RemoteFailure.streamCut(root, tokens(), null);
        }
        return generation("length".equals(finishReason) ? StopReason.LENGTH : StopReason.END);
    }

    /** Takes one event; true when it ends the stream. */
    private boolean accept(ServerSentEvents.Event event) throws RemoteFailure {
        if (event.isError()) {
            throw RemoteFailure.stoppedMidStream(root, RemoteFailure.serverSaid(event.data()));
        }
        if (event.data().strip().equals("[DONE]")) {
            return true;
        }
        StreamChunk chunk;
        try {
            chunk = StreamChunk.parse(event.data());
        } catch (JsonProcessingException e) {
            throw RemoteFailure.badStream(root, "an event that is not JSON: " + quote(event.data()), e);
        }
        if (chunk.error() != null) {
            throw RemoteFailure.stoppedMidStream(root, chunk.error());
        }
        if (call.cancelled()) {
            return true; // text the server sent before it heard is not the caller's any more
        }
        if (!chunk.reasoning().isEmpty()) {
            arrived();
            sink.reasoning(chunk.reasoning());
        }
        if (!chunk.content().isEmpty()) {
            arrived();
            sink.token(chunk.content());
        }
        finishReason = chunk.finishReason() != null ? chunk.finishReason() : finishReason;
        promptTokens = chunk.promptTokens() >= 0 ? chunk.promptTokens() : promptTokens;
        completionTokens = chunk.completionTokens() >= 0 ? chunk.completionTokens() : completionTokens;
        serverPerSecond = chunk.serverPerSecond() > 0 ? chunk.serverPerSecond() : serverPerSecond;
        return false;
    }

    private void arrived() {
        last = System.nanoTime();
        if (deltas++ == 0) {
            first = last;
        }
    }

    /** Tokens generated: as the server counted them, else one a streamed piece (llama-server sends one a token). */
    private int tokens() {
        return completionTokens >= 0 ? completionTokens : deltas;
    }

    private Generation generation(StopReason reason) {
        Generation measured = Generation.measured(reason, Math.max(0, promptTokens), tokens(), start,
                deltas == 0 ? start : first, last);
        return serverPerSecond > 0 ? measured.withTokensPerSecond(serverPerSecond) : measured;
    }

    private static String quote(String data) {
        String line = data.strip().replaceAll("\\s+", " ");
        return "'" + (line.length() <= 80 ? line : line.substring(0, 80) + "…") + "'";
    }
}
