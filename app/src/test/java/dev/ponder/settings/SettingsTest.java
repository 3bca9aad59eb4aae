package dev.ponder.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.ponder.engine.Acceleration;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.ThreadDefaults;
import dev.ponder.reasoning.ReasoningMarkers;

class SettingsTest {

    private static final ReasoningMarkers THINKING_TAGS = new ReasoningMarkers("<thinking>", "</thinking>");

    @Test
    void defaultsAreDeepSeeksSamplingThisMachinesThreadsAndACentredWindow() {
        Settings s = Settings.defaults();

        assertThat(s.threads()).isEqualTo(ThreadDefaults.decodeThreads());
        assertThat(s.contextSize()).isZero();
        assertThat(s.acceleration()).isEqualTo(Acceleration.defaults());
        assertThat(s.sampling()).isEqualTo(Sampling.r1Defaults());
        assertThat(s.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(s.fontSize()).isEqualTo(14);
        assertThat(s.thinkingCollapsedByDefault()).isFalse();
        assertThat(s.dataDirectory()).isNull();
        assertThat(s.recentModels()).isEmpty();
        assertThat(s.windowState().hasPosition()).isFalse();
        assertThat(s.windowState().width()).isEqualTo(1200);
        assertThat(s.windowState().height()).isEqualTo(800);
        assertThat(s.windowState().thinkingWidth()).isEqualTo(320);
        assertThat(s.windowState().lastConversationId()).isNull();
    }

    @Test
    void samplingAndLoadSettingsCarryTheChosenValues() {
        Settings s = Settings.defaults().withTemperature(0.7).withTopP(0.9).withMaxTokens(512).withSeed(7)
                .withThreads(3).withContextSize(8192).withAcceleration(Acceleration.cpu());

        assertThat(s.sampling()).isEqualTo(new Sampling(0.7, 0.9, 40, 0.0, 512, 7));
        assertThat(s.loadSettings(Path.of("m.gguf")))
                .isEqualTo(new LoadSettings(Path.of("m.gguf"), 8192, 3, Acceleration.cpu(),
                        LoadSettings.DEFAULT_BATCH, 7, 1));
    }

    @Test
    void markersForGivesTheModelsOwnMarkersOrTheDefault() {
        Settings s = Settings.defaults().withMarkers("glm.gguf", THINKING_TAGS);

        assertThat(s.markersFor("glm.gguf")).isEqualTo(THINKING_TAGS);
        assertThat(s.markersFor("r1.gguf")).isEqualTo(ReasoningMarkers.DEFAULT);
        assertThat(s.markersFor(null)).isEqualTo(ReasoningMarkers.DEFAULT);
        assertThat(s.withMarkers("glm.gguf", ReasoningMarkers.DEFAULT).thinkingMarkers()).isEmpty();
    }

    @Test
    void aModelOpenedAgainMovesToTheFrontOfTheRecentList() {
        Settings s = Settings.defaults().withRecentModel("/m/a.gguf").withRecentModel("/m/b.gguf")
                .withRecentModel("/m/a.gguf");

        assertThat(s.recentModels()).containsExactly("/m/a.gguf", "/m/b.gguf");
    }

    @Test
    void theRecentListKeepsTheTenNewest() {
        Settings s = Settings.defaults();
        for (int i = 1; i <= 12; i++) {
            s = s.withRecentModel("/m/" + i + ".gguf");
        }

        assertThat(s.recentModels()).hasSize(Settings.MAX_RECENT_MODELS)
                .containsExactlyElementsOf(IntStream.iterate(12, i -> i - 1).limit(10)
                        .mapToObj(i -> "/m/" + i + ".gguf").toList());
    }

    @Test
    void aRecentListFromAFileIsCleanedUp() {
        Settings s = new Settings(1, 0, null, 0.6, 0.95, -1, -1, Theme.DARK, 14, false, "  ",
                List.of("a", " ", "b", "a"), null, null, false);

        assertThat(s.recentModels()).containsExactly("a", "b");
        assertThat(s.dataDirectory()).isNull();
        assertThat(s.thinkingMarkers()).isEmpty();
        assertThat(s.windowState()).isEqualTo(WindowState.DEFAULT);
    }

    @Test
    void invalidValuesAreRefusedWithAMessageNamingTheSettingAndValue() {
        assertInvalid(s -> s.withThreads(0), "threads must be at least 1, not 0");
        assertInvalid(s -> s.withContextSize(-1), "the context size must be 0 (automatic)");
        assertInvalid(s -> s.withAcceleration(s.acceleration().withGpuLayers(-2)),
                "GPU layers must be -1 (all that fit), 0 or more, not -2");
        assertInvalid(s -> s.withTemperature(-0.1), "the temperature must be 0 or more, not -0.1");
        assertInvalid(s -> s.withTopP(0), "top-p must be more than 0 and at most 1, not 0.0");
        assertInvalid(s -> s.withMaxTokens(0), "max tokens must be -1 (no limit) or at least 1, not 0");
        assertInvalid(s -> s.withSeed(-2), "the seed must be -1 (random) or 0 or more, not -2");
        assertInvalid(s -> s.withFontSize(100), "the font size must be between 8.0 and 72.0 points, not 100.0");
        assertInvalid(s -> s.withWindowState(s.windowState().withThinkingWidth(-5)),
                "the thinking panel width must be a positive number of pixels, not -5.0");
        assertInvalid(s -> new Settings(1, 0, null, 0.6, 0.95, -1, -1, Theme.DARK, 14, false, null, null,
                Map.of(" ", THINKING_TAGS), null, false), "thinking markers need a model file name");
    }

    @Test
    void windowStateFillsInDefaultSizesAndKnowsWhetherItHasAPosition() {
        WindowState w = new WindowState(Double.NaN, Double.NaN, Double.NaN, Double.NaN, true, Double.NaN,
                Double.NaN, 4L);

        assertThat(w.width()).isEqualTo(1200);
        assertThat(w.height()).isEqualTo(800);
        assertThat(w.hasPosition()).isFalse();
        assertThat(w.withBounds(-1920, 0, 1000, 700).hasPosition()).isTrue();
        assertThat(w.withMaximized(false).withLastConversationId(null))
                .isEqualTo(WindowState.DEFAULT);
    }

    private static void assertInvalid(UnaryOperator<Settings> change, String message) {
        assertThatThrownBy(() -> change.apply(Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
