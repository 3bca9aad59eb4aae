package dev.ponder.connections;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.ponder.engine.remote.RemoteEndpoint;

/**
 * A remote server the user added: its name in the window, its address, and how many requests Ponder sends it at
 * once. Its API key is kept apart, in {@link ApiKeys}.
 *
 * @param parallel requests at once; match the server's slots (llama-server's {@code --parallel})
 */
public record Connection(String name, URI server, int parallel) {

    public Connection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("give the connection a name");
        }
        name = name.strip();
        server = RemoteEndpoint.parseAddress(server == null ? "" : server.toString());
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel requests must be at least 1, not " + parallel);
        }
    }

    /** A connection to the address a user typed. */
    @JsonCreator
    public static Connection of(@JsonProperty("name") String name, @JsonProperty("server") String address,
                                @JsonProperty("parallel") int parallel) {
        return new Connection(name, RemoteEndpoint.parseAddress(address), parallel);
    }

    /** Where requests for {@code model} go, with {@code apiKey} (null for none). */
    public RemoteEndpoint endpoint(String model, String apiKey) {
        return new RemoteEndpoint(server, model, parallel, apiKey);
    }
}
