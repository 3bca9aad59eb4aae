package dev.ponder.connections;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ponder.engine.remote.RemoteEndpoint;
import dev.ponder.engine.remote.RemoteEngine;
import dev.ponder.engine.remote.RemoteFailure;
import dev.ponder.engine.remote.ServerInfo;
import dev.ponder.settings.ConfigDirectory;
import dev.ponder.store.AtomicWrite;

/**
 * The remote servers the user added, kept in {@value #FILE_NAME} in the settings folder, with their keys in
 * {@link ApiKeys}: what a Settings page lists, adds, tests and removes, and where a model picker finds remote models.
 */
public final class Connections {

    public static final String FILE_NAME = "connections.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a connection test found.
     *
     * @param message one line for the user: what the server serves, or what went wrong and what to do
     * @param models  the models it lists; empty when the test failed
     */
    public record TestResult(boolean ok, String message, List<ServerInfo.RemoteModel> models) {
    }

    private final Path file;
    private final ApiKeys keys;

    public Connections(Path folder, ApiKeys keys) {
        this.file = folder.resolve(FILE_NAME);
        this.keys = keys;
    }

    /** This machine's connections, in its settings folder, with its keychain. */
    public static Connections in(Path settingsFolder) {
        return new Connections(settingsFolder, ApiKeys.forThisMachine(settingsFolder));
    }

    public ApiKeys keys() {
        return keys;
    }

    public synchronized List<Connection> list() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return List.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<Connection>>() { }));
    }

    public synchronized Optional<Connection> find(String name) throws IOException {
        return list().stream().filter(connection -> connection.name().equals(name)).findFirst();
    }

    /** Adds a connection, or replaces the one of the same name. */
    public synchronized void save(Connection connection) throws IOException {
        List<Connection> all = new ArrayList<>(list());
        all.removeIf(existing -> existing.name().equals(connection.name()));
        all.add(connection);
        write(all);
    }

    /** Removes a connection, and its server's key when no other connection uses that server. */
    public synchronized void remove(String name) throws IOException {
        List<Connection> all = new ArrayList<>(list());
        Optional<Connection> removed = all.stream().filter(connection -> connection.name().equals(name)).findFirst();
        if (removed.isEmpty()) {
            return;
        }
        all.remove(removed.get());
        write(all);
        if (all.stream().noneMatch(other -> other.server().equals(removed.get().server()))) {
            keys.remove(removed.get().server());
        }
    }

    /** Asks the server what it serves, with the stored key: the Settings page's "Test". Never throws. */
    public TestResult test(Connection connection) {
        try {
            ServerInfo info = RemoteEngine.probe(connection.server(), keys.forServer(connection.server())
                    .orElse(null));
            String slots = info.slots() > 0 ? ", " + info.slots() + " slots" : "";
            return new TestResult(true, "Connected to " + connection.server() + (info.llamaServer()
                    ? " (llama-server" + slots + ")" : "") + ": " + info.models().size() + " model(s): "
                    + String.join(", ", info.modelIds()), info.models());
        } catch (RemoteFailure e) {
            return new TestResult(false, e.getMessage(), List.of());
        } catch (IOException e) {
            return new TestResult(false, "The API key for " + connection.server() + " could not be read: "
                    + e.getMessage(), List.of());
        }
    }

    /** The models a connection's server lists (its {@code /v1/models}), for a model picker. */
    public List<ServerInfo.RemoteModel> models(Connection connection) throws RemoteFailure, IOException {
        return RemoteEngine.probe(connection.server(), keys.forServer(connection.server()).orElse(null)).models();
    }

    /** An engine on {@code model} of the connection's server, with its stored key. */
    public RemoteEngine open(Connection connection, String model) throws RemoteFailure, IOException {
        return RemoteEngine.connect(connection.endpoint(model, keys.forServer(connection.server()).orElse(null)));
    }

    /** Connects to {@code model} at {@code address}, with this machine's key for that server. */
    public static RemoteEngine connect(String address, String model, int parallel) throws RemoteFailure,
            IOException {
        URI root = RemoteEndpoint.parseAddress(address);
        String key = ApiKeys.forThisMachine(ConfigDirectory.platformDefault()).forServer(root).orElse(null);
        return RemoteEngine.connect(new RemoteEndpoint(root, model, parallel, key));
    }

    private void write(List<Connection> all) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicWrite.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
    }
}
