package dev.ponder.engine;

import static dev.ponder.testing.ScriptedServer.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.engine.process.EngineProcess;
import dev.ponder.engine.remote.RemoteEndpoint;
import dev.ponder.engine.remote.RemoteEngine;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.ScriptedServer;
import dev.ponder.testing.SharedModel;

/** The window's engine: the engine child on stories260K, and a scripted server's model switched in and out. */
class SwitchableEngineTest {

    @TempDir
    Path dir;

    private ScriptedServer server;
    private SwitchableEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start().listing("r1");
        engine = new SwitchableEngine(EngineProcess.create(dir.resolve("cache")));
    }

    @AfterEach
    void stop() {
        engine.close();
        server.close();
    }

    private LoadSettings stories() {
        return LoadSettings.defaults(SharedModel.stories260K()).withThreads(1).withSeed(42);
    }

    private RemoteEngine remote() throws Exception {
        return RemoteEngine.connect(new RemoteEndpoint(server.root(), "r1", 2, null));
    }

    @Test
    void aServersModelTakesOverAndTheLocalModelWaitsLoaded() throws Exception {
        engine.load(stories());
        assertThat(engine.served().orElseThrow().name()).isEqualTo("stories260K.gguf");
        server.on("/v1/chat/completions", stream(Duration.ZERO, Chunks.content("Hello"), Chunks.content(" there"),
                Chunks.finish("stop", 3, 2, 50), Chunks.DONE));

        engine.use(remote());

        assertThat(engine.usingLocal()).isFalse();
        assertThat(engine.served()).contains(new ServedModel("r1", 4096, 2));
        assertThat(engine.loaded()).as("a server's model is not loaded here").isEmpty();
        assertThat(engine.local().loaded()).as("the file stays loaded in the child").isPresent();
        List<String> tokens = new CopyOnWriteArrayList<>();
        engine.chat(List.of(ChatTurn.user("hi")), Sampling.greedy(10), tokens::add);
        assertThat(String.join("", tokens)).isEqualTo("Hello there");
    }

    @Test
    void loadingAFileTakesOverAndClosesTheServersEngineMidStream() throws Exception {
        server.on("/v1/chat/completions", server.endless(Duration.ofMillis(5)));
        engine.use(remote());
        List<String> tokens = new CopyOnWriteArrayList<>();
        CompletableFuture<Generation> streaming = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.chat(List.of(ChatTurn.user("go on")), Sampling.greedy(1_000_000), tokens::add);
            } catch (EngineException e) {
                throw new IllegalStateException(e);
            }
        });
        while (tokens.size() < 5) {
            Thread.sleep(10);
        }

        engine.load(stories());

        assertThat(server.clientLeft.await(5, TimeUnit.SECONDS)).as("the server's stream was closed").isTrue();
        assertThat(streaming.get(5, TimeUnit.SECONDS).stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(engine.usingLocal()).isTrue();
        assertThat(engine.served().orElseThrow().name()).isEqualTo("stories260K.gguf");
        Generation local = engine.complete(CompletionRequest.of("Once", Sampling.greedy(5)), TokenSink.discard());
        assertThat(local.completionTokens()).isPositive();
    }

    @Test
    void aFileThatFailsToLoadLeavesTheServersModelInUse() throws Exception {
        Path notAModel = Files.writeString(dir.resolve("notes.gguf"), "not a model");
        engine.use(remote());

        LoadSettings broken = stories().withModelPath(notAModel); // outside the lambda: a missing model skips
        assertThatThrownBy(() -> engine.load(broken))
                .isInstanceOf(ModelLoadException.class);

        assertThat(engine.usingLocal()).isFalse();
        assertThat(engine.served().orElseThrow().name()).isEqualTo("r1");
    }

    @Test
    void unloadingLeavesNoModelInUse() throws Exception {
        engine.load(stories());
        engine.use(remote());

        engine.unload();

        assertThat(engine.usingLocal()).isTrue();
        assertThat(engine.served()).isEmpty();
    }
}
