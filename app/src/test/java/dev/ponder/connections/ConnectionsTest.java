package dev.ponder.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.testing.ScriptedServer;

class ConnectionsTest {

    @TempDir
    Path dir;

    private Connections connections() {
        return new Connections(dir, new ApiKeys(Optional.empty(), new KeyFile(dir)));
    }

    @Test
    void connectionsAreSavedReplacedByNameAndRemovedWithTheirKey() throws Exception {
        Connections connections = connections();
        connections.save(Connection.of("GPU", "http://gpu:8080/v1/", 4));
        connections.save(Connection.of("Laptop", "http://localhost:11434/v1", 1));
        connections.save(Connection.of("GPU", "http://gpu2:8080", 2));
        connections.keys().store(URI.create("http://gpu2:8080"), "sk-1");

        assertThat(connections().list()).containsExactly(Connection.of("Laptop", "http://localhost:11434", 1),
                Connection.of("GPU", "http://gpu2:8080", 2));

        connections.remove("GPU");
        assertThat(connections.list()).extracting(Connection::name).containsExactly("Laptop");
        assertThat(connections.keys().stored(URI.create("http://gpu2:8080"))).isEmpty();
    }

    @Test
    void anAddressThatIsNoServerIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Connection.of("x", "gpu-server:8080", 1))
                .hasMessageContaining("give one like http://gpu-server:8080");
        assertThatThrownBy(() -> Connection.of("x", "ftp://gpu", 1)).hasMessageContaining("http://");
        assertThatThrownBy(() -> Connection.of(" ", "http://gpu", 1)).hasMessageContaining("name");
    }

    @Test
    void aTestListsTheModelsWithTheStoredKeyOrSaysWhatIsWrong() throws Exception {
        try (ScriptedServer server = ScriptedServer.start().listing("deepseek-r1:70b", "qwen3")) {
            Connections connections = connections();
            Connection connection = new Connection("GPU", server.root(), 2);
            connections.keys().store(server.root(), "sk-1");

            Connections.TestResult result = connections.test(connection);
            assertThat(result.ok()).isTrue();
            assertThat(result.message()).contains("2 model(s): deepseek-r1:70b, qwen3");
            assertThat(server.received("/v1/models").getFirst().authorization()).isEqualTo("Bearer sk-1");

            server.on("/v1/models", ScriptedServer.json(401, "{\"error\":\"bad key\"}"));
            Connections.TestResult refused = connections.test(connection);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.message()).contains("refused the API key (401: bad key)");
            assertThat(refused.models()).isEmpty();
        }
    }
}
