package dev.ponder.engine.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} as the HTML standard defines it: events end at a blank line, {@code data} lines
 * join with newlines, lines starting with a colon are comments, and unknown fields are ignored. One addition:
 * llama-server reports a failure mid-stream as an {@code error:} line, which is read as an event of kind
 * {@code error}.
 */
final class ServerSentEvents {

    /** One event: its kind ({@code message} unless the stream named another) and its data. */
    record Event(String kind, String data) {

        boolean isError() {
            return kind.equals("error");
        }
    }

    private final BufferedReader reader;

    ServerSentEvents(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192);
    }

    /** The next event, or null at the end of the stream (an event cut off before its blank line is dropped). */
    Event next() throws IOException {
        StringBuilder data = null;
        String kind = "message";
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(kind, data.toString());
                }
                kind = "message";
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(line.startsWith(": ", colon) ? colon + 2 : colon + 1);
            switch (field) {
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "event" -> kind = value.isEmpty() ? "message" : value;
                case "error" -> {
                    kind = "error";
                    data = new StringBuilder(value);
                }
                default -> {
                    // id, retry and fields of other dialects: nothing a reply needs.
                }
            }
        }
        return null;
    }
}
