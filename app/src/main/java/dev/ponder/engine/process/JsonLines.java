package dev.ponder.engine.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.CompletionRequest;
import dev.ponder.engine.Generation;
import dev.ponder.engine.Role;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.StopReason;

/** One JSON document a line: requests to the engine child over its stdin, replies over the engine socket. */
final class JsonLines {

    private static final int WARM_UP_ROUNDS = 2_000;
    /** Once a process: the app starts a child for every model it loads. */
    private static final AtomicBoolean warmingUp = new AtomicBoolean();

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final BufferedReader reader;
    private final BufferedWriter writer;

    JsonLines(InputStream in, OutputStream out) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The next message, or null at the end of the stream (the other side closed or died). */
    <T> T read(Class<T> type) throws IOException {
        String line = reader.readLine();
        return line == null ? null : MAPPER.readValue(line, type);
    }

    /** Sends one message; threads may send side by side. */
    void send(Object message) throws IOException {
        String line = MAPPER.writeValueAsString(message);
        synchronized (writer) {
            writer.write(line);
            writer.write('\n');
            writer.flush();
        }
    }

    /**
     * Sends a generation's messages through Jackson, in the background, until the JIT has compiled its paths. In the
     * interpreter one request costs 0.1-0.5 ms to write or read and one token's reply about 0.05 ms (measured), and a
     * session sends far too few messages for the JIT to get there by itself: every prompt's first token would wait
     * about a millisecond for JSON on its way to the engine and back.
     */
    static void warmUp() {
        if (warmingUp.getAndSet(true)) {
            return;
        }
        Thread.ofPlatform().name("json-warm-up").daemon().priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                roundTrips(WARM_UP_ROUNDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes and reads back each kind of message a generation sends, and fails if one does not come back the same. */
    static void roundTrips(int rounds) throws IOException {
        String text = "Once upon a time, a reasoning model thought about a question. ".repeat(40);
        for (int i = 1; i <= rounds; i++) {
            roundTrip(new Request.Complete(i, CompletionRequest.of(text + i, Sampling.greedy(i))), Request.class);
            roundTrip(new Request.Chat(i, List.of(new ChatTurn(Role.SYSTEM, text), ChatTurn.user(text + i)),
                    Sampling.greedy(i), null), Request.class);
            roundTrip(new Reply.Token(i, " word" + i), Reply.class);
            roundTrip(new Reply.Prompt(i, text), Reply.class);
            roundTrip(new Reply.Finished(i, Generation.measured(StopReason.END, i, i, 0, i, 2L * i)), Reply.class);
        }
    }

    private static void roundTrip(Object message, Class<?> type) throws IOException {
        Object back = MAPPER.readValue(MAPPER.writeValueAsString(message), type);
        if (!back.equals(message)) {
            throw new IOException("JSON changed " + message + " into " + back);
        }
    }
}
