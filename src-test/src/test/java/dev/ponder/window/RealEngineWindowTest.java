package dev.ponder.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import dev.ponder.engine.KvCacheType;
import dev.ponder.engine.BackendChoice;
import dev.ponder.engine.Acceleration;
import javafx.scene.control.Label;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckBox;

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

    @Test
    void settingsChooseTheBackendAndTheStatusBarSaysWhichOneRuns() throws Exception {
        Path model = SharedModel.stories260K();
        try (WindowFixture fixture = WindowFixture.open(dir, EngineProcess.create(dir.resolve("cache")),
                settings -> settings.withThreads(1))) {
            DialogPane settings = fixture.openDialog("#open-settings");
            WindowFixture.onFx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<BackendChoice> backend = (ComboBox<BackendChoice>) settings.lookup("#settings-backend");
                backend.setValue(BackendChoice.CPU);
                @SuppressWarnings("unchecked")
                ComboBox<KvCacheType> kvCache = (ComboBox<KvCacheType>) settings.lookup("#settings-kv-cache");
                kvCache.setValue(KvCacheType.Q8_0);
                // A quantized cache needs flash attention: the dialog turns it on and keeps it on.
                CheckBox flash = (CheckBox) settings.lookup("#settings-flash-attention");
                assertThat(flash.isSelected()).isTrue();
                assertThat(flash.isDisabled()).isTrue();
                // stories260K's heads are too narrow for a q8_0 cache: back to f16, and flash attention is free.
                kvCache.setValue(KvCacheType.F16);
                assertThat(flash.isDisabled()).isFalse();
                flash.setSelected(false);
                return null;
            });
            fixture.pressDialogButton("OK");
            Acceleration chosen = WindowFixture.onFx(() -> fixture.window().settings().get().acceleration());
            assertThat(chosen).isEqualTo(new Acceleration(BackendChoice.CPU, Acceleration.ALL_LAYERS_THAT_FIT, false,
                    KvCacheType.F16));

            loadModel(fixture, model);
            fixture.waitUntil(Duration.ofSeconds(10), () -> "CPU".equals(((Label) fixture.lookup("#status-backend"))
                    .getText()));
        }
    }
}
