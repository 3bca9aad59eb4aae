package dev.ponder.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import javafx.scene.Node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.chat.MessageStatus;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.testing.SharedModel;

/** The window over the real engine child and the real model: streaming, and surviving an engine crash. */
class RealEngineWindowTest {

    @TempDir
    Path dir;

    @Test
    void aMessageStreamsFromTheRealModelIntoTheAnswerPane() throws Exception {
        Path model = SharedModel.stories260K();
        try (WindowFixture fixture = WindowFixture.open(dir, EngineProcess.create(dir.resolve("cache")),
                settings -> settings.withThreads(1))) {
            loadModel(fixture, model);
            fixture.send("Tell me a story");

            fixture.waitUntil(Duration.ofSeconds(20), () -> fixture.window().chat().liveProperty().get() != null);
            long reply = WindowFixture.onFx(() -> fixture.window().chat().liveProperty().get().messageId());
            fixture.waitUntil(Duration.ofSeconds(20), () -> !fixture.window().transcript().answerText(reply).isEmpty());
            boolean stillStreaming = WindowFixture.onFx(() -> fixture.window().chat().generatingProperty().get());

            long finished = fixture.awaitReply(Duration.ofSeconds(30));
            assertThat(finished).isEqualTo(reply);
            assertThat(stillStreaming).as("text appeared while the model was still writing").isTrue();
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().statsProperty().get())).contains("tok/s");
        }
    }

    @Test
    void anEngineCrashShowsTheBannerKeepsThePartialReplyAndTheNextMessageWorks() throws Exception {
        Path model = SharedModel.stories260K();
        EngineProcess engine = EngineProcess.create(dir.resolve("cache"));
        try (WindowFixture fixture = WindowFixture.open(dir, engine, settings -> settings.withThreads(1))) {
            loadModel(fixture, model);
            fixture.send("Tell me a story");
            fixture.waitUntil(Duration.ofSeconds(20), () -> fixture.window().chat().liveProperty().get() != null);
            long reply = WindowFixture.onFx(() -> fixture.window().chat().liveProperty().get().messageId());
            fixture.waitUntil(Duration.ofSeconds(20), () -> !fixture.window().transcript().answerText(reply).isEmpty());

            ProcessHandle.of(engine.pid().orElseThrow()).orElseThrow().destroyForcibly();

            fixture.waitUntil(Duration.ofSeconds(20), () -> !fixture.window().chat().generatingProperty().get());
            Node banner = WindowFixture.onFx(() -> fixture.lookup("#problem-banner"));
            fixture.waitUntil(Duration.ofSeconds(5), banner::isVisible);
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().problemProperty().get()))
                    .contains("engine stopped");
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().getLast().message().status()))
                    .isEqualTo(MessageStatus.INCOMPLETE);

            fixture.send("Another one");
            long next = fixture.awaitReply(Duration.ofSeconds(30));
            assertThat(next).isNotEqualTo(reply);
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().turns().getLast().message().status()))
                    .isEqualTo(MessageStatus.COMPLETE);
            assertThat(WindowFixture.onFx(() -> fixture.window().chat().problemProperty().get())).isNull();
        }
    }

    private static void loadModel(WindowFixture fixture, Path model) throws Exception {
        WindowFixture.onFx(() -> {
            fixture.window().loadModel(model);
            return null;
        });
        fixture.waitUntil(Duration.ofSeconds(30), () -> fixture.window().model().inUseProperty().get() != null);
    }
}
