package dev.ponder.ui.connections;

import static dev.ponder.testing.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.connections.Connection;
import dev.ponder.connections.Connections;
import dev.ponder.testing.ScriptedServer;
import dev.ponder.ui.Background;
import dev.ponder.ui.Notice;
import dev.ponder.ui.testing.Fx;

/** Settings' Connections: what a bad form, a refusing server and a removal say. */
class ConnectionsViewModelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private ScriptedServer server;
    private Background background;
    private ConnectionsViewModel model;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @BeforeEach
    void open() throws Exception {
        server = ScriptedServer.start();
        background = new Background();
        model = new ConnectionsViewModel(Connections.in(dir), background);
    }

    @AfterEach
    void close() {
        background.close();
        server.close();
    }

    @Test
    void anAddressThatIsNoServerIsRefusedWithTheReason() throws Exception {
        boolean added = Fx.call(() -> model.add("box", "gpu-server:8080", 1, ""));

        assertThat(added).isFalse();
        Notice notice = Fx.call(() -> model.noticeProperty().get());
        assertThat(notice.problem()).isTrue();
        assertThat(notice.text()).contains("does not start with http:// or https://").contains("http://gpu-server:8080");
        assertThat(Connections.in(dir).list()).isEmpty();
    }

    @Test
    void aServerThatRefusesTheKeySaysWhatToDo() throws Exception {
        server.on("/v1/models", json(401, "{\"error\":{\"message\":\"Invalid API Key\"}}"));
        Fx.call(() -> model.add("box", server.root().toString(), 1, ""));
        Fx.await(TIMEOUT, () -> model.list().size() == 1);

        Fx.run(() -> model.test(model.list().getFirst()));
        Fx.await(TIMEOUT, () -> model.noticeProperty().get().problem());
        assertThat(Fx.call(() -> model.noticeProperty().get().text())).contains("refused the API key")
                .contains("Invalid API Key");
    }

    @Test
    void aRemovedServerIsGoneFromTheListAndTheFile() throws Exception {
        Fx.call(() -> model.add("box", server.root().toString(), 2, ""));
        Fx.await(TIMEOUT, () -> model.list().size() == 1);
        assertThat(Fx.call(() -> model.noticeProperty().get().text())).startsWith("Added box.");

        Fx.run(() -> model.remove(model.list().getFirst()));
        Fx.await(TIMEOUT, () -> model.list().isEmpty());
        assertThat(Fx.call(() -> model.noticeProperty().get())).isEqualTo(Notice.info("Removed box."));
        assertThat(Connections.in(dir).find("box")).isEmpty();
    }

    @Test
    void theModelsOfAServerComeBackForThePicker() throws Exception {
        server.listing("deepseek-r1", "qwq-32b");
        List<String> found = new CopyOnWriteArrayList<>();
        Fx.run(() -> model.models(Connection.of("box", server.root().toString(), 1),
                models -> models.forEach(m -> found.add(m.id())), found::add));
        Fx.await(TIMEOUT, () -> found.size() == 2);
        assertThat(found).containsExactly("deepseek-r1", "qwq-32b");
    }
}
