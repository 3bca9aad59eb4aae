package dev.ponder.engine.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** One JSON document a line over the engine socket, both ways. */
final class JsonLines {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final BufferedReader reader;
    private final BufferedWriter writer;

    JsonLines(SocketChannel channel) {
        this.reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8), 1 << 16);
        this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** The next message, or null at the end of the stream (the other side closed or died). */
    <T> T read(Class<T> type) throws IOException {
        String line = reader.readLine();
        return line == null ? null : MAPPER.readValue(line, type);
    }

    /** Buffers one message; {@link #flush()} sends what is buffered. */
    void write(Object message) throws IOException {
        writer.write(MAPPER.writeValueAsString(message));
        writer.write('\n');
    }

    void flush() throws IOException {
        writer.flush();
    }
}
