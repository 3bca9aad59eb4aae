package dev.ponder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void readsTheModelAndTheDataFolder() {
        LaunchOptions options = LaunchOptions.parse(List.of("--model", "m.gguf", "--data-dir", "data"));
        assertThat(options.model()).isEqualTo(Path.of("m.gguf"));
        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
    }

    @Test
    void aFileGivenAloneIsTheModelToLoad() {
        // What the desktop passes when a .gguf file is opened with Ponder (Exec=… %F, Windows' "%1").
        assertThat(LaunchOptions.parse(List.of("/home/me/Models/r1 distill.gguf")).model())
                .isEqualTo(Path.of("/home/me/Models/r1 distill.gguf"));
        assertThat(LaunchOptions.parse(List.of("--data-dir", "data", "m.gguf")).model()).isEqualTo(Path.of("m.gguf"));
    }

    @Test
    void refusesASecondModelAndUnknownOptions() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("a.gguf", "b.gguf")))
                .hasMessageContaining("unknown option b.gguf");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--model", "a.gguf", "b.gguf")))
                .hasMessageContaining("unknown option b.gguf");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--verbose"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--model"))).hasMessageContaining("needs a value");
    }

    @Test
    void tellsItsOptionsFromTheCli() {
        assertThat(LaunchOptions.isWindowOption("--data-dir")).isTrue();
        assertThat(LaunchOptions.isWindowOption("--model")).isTrue();
        assertThat(LaunchOptions.isWindowOption("chat")).isFalse();
        assertThat(LaunchOptions.isWindowOption("--help")).isFalse();
    }
}
