package dev.ponder.ui.model;

import static dev.ponder.testing.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.connections.Connection;
import dev.ponder.connections.Connections;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.SwitchableEngine;
import dev.ponder.testing.ScriptedEngine;
import dev.ponder.testing.ScriptedServer;
import dev.ponder.ui.Background;
import dev.ponder.ui.testing.Fx;

/** Choosing a server's model: it takes over once it answers; one that fails or is cancelled changes nothing. */
class ModelViewModelTest {

    @TempDir
    Path dir;

    private ScriptedServer server;
    private Background background;
    private SwitchableEngine engine;
    private final List<Throwable> problems = new CopyOnWriteArrayList<>();
    private ModelViewModel model;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.start();
    }

    @BeforeEach
    void open() throws Exception {
        server = ScriptedServer.start();
        background = new Background();
        engine = new SwitchableEngine(ScriptedEngine.replying("local"));
        model = new ModelViewModel(engine, Connections.in(dir), background, LoadSettings::defaults, file -> { },
                problems::add);
    }

    @AfterEach
    void close() {
        background.close();
        engine.close();
        server.close();
    }

    private void useRemote(String model) throws Exception {
        Fx.run(() -> this.model.useRemote(Connection.of("box", server.root().toString(), 3), model));
    }

    @Test
    void aServersModelIsInUseOnceTheServerAnswers() throws Exception {
        server.listing("deepseek-r1");
        useRemote("deepseek-r1");
        Fx.await(Duration.ofSeconds(10), () -> !model.loadingProperty().get());

        ModelInUse inUse = Fx.call(() -> model.inUseProperty().get());
        assertThat(inUse).isInstanceOf(ModelInUse.Remote.class);
        assertThat(inUse.served().name()).isEqualTo("deepseek-r1");
        assertThat(inUse.served().sequences()).isEqualTo(3);
        assertThat(engine.usingLocal()).isFalse();
        assertThat(Fx.call(() -> model.localFile())).isNull();
    }

    @Test
    void aModelTheServerLacksIsReportedAndNothingChanges() throws Exception {
        server.listing("qwq-32b");
        useRemote("deepseek-r1");
        Fx.await(Duration.ofSeconds(10), () -> !model.loadingProperty().get());

        assertThat(problems).singleElement().satisfies(error -> assertThat(error.getMessage())
                .contains("has no model 'deepseek-r1'").contains("qwq-32b"));
        assertThat(engine.usingLocal()).isTrue();
    }

    @Test
    void cancellingAConnectionThatHangsLeavesTheEngineAsItWas() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        server.on("/v1/models", exchange -> {
            asked.countDown();
            Thread.sleep(3000);
            json(200, "{\"data\":[{\"id\":\"deepseek-r1\"}]}").answer(exchange);
        });
        useRemote("deepseek-r1");
        assertThat(Fx.call(() -> model.loadingTextProperty().get())).isEqualTo("Connecting to deepseek-r1 on box…");
        assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();

        Fx.run(model::cancelLoad);
        assertThat(Fx.call(() -> model.loadingProperty().get())).isFalse();
        Thread.sleep(3500); // the server's late answer must not switch the engine after all
        assertThat(engine.usingLocal()).isTrue();
        assertThat(Fx.call(() -> model.inUseProperty().get())).isNotInstanceOf(ModelInUse.Remote.class);
        assertThat(problems).isEmpty();
    }
}
