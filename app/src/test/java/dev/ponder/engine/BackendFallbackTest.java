package dev.ponder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.engine.llama.NativeVariants;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.testing.SharedModel;

/**
 * The automatic choice falls back from a GPU build that cannot run, through real engine children: a CUDA build whose
 * library does not load (here, a file that is no library at all, as when the CUDA runtime is missing) and one that
 * loads but finds no device (here, the CPU library in the CUDA build's place, as on a machine without an NVIDIA GPU).
 */
class BackendFallbackTest {

    @TempDir
    Path root;

    @Test
    void aGpuBuildThatDoesNotLoadGivesWayToTheCpuAndTheLoadSaysWhy() throws Exception {
        Files.createDirectories(root.resolve("cuda"));
        Files.writeString(root.resolve("cuda").resolve(System.mapLibraryName("jllama")), "not a library");

        try (EngineProcess engine = engine()) {
            LoadedModel model = engine.load(LoadSettings.defaults(SharedModel.stories260K()).withThreads(1));

            assertThat(model.backend().backend()).isEqualTo(Backend.CPU);
            assertThat(model.backend().fallbacks()).singleElement().asString()
                    .startsWith("CUDA: the CUDA build of llama.cpp did not load")
                    .contains("NVIDIA driver");
            assertThat(engine.complete(CompletionRequest.of("Once", Sampling.greedy(5)), TokenSink.discard())
                    .completionTokens()).isPositive();
        }
    }

    @Test
    void aGpuBuildThatFindsNoDeviceGivesWayToTheCpu() throws Exception {
        Files.createDirectories(root.resolve("vulkan"));
        try (InputStream cpuLibrary = EngineProcess.class.getResourceAsStream("/de/kherud/llama/Linux/x86_64/"
                + System.mapLibraryName("jllama"))) {
            Files.copy(cpuLibrary, root.resolve("vulkan").resolve(System.mapLibraryName("jllama")));
        }

        try (EngineProcess engine = engine()) {
            LoadedModel model = engine.load(LoadSettings.defaults(SharedModel.stories260K()).withThreads(1));

            assertThat(model.backend().backend()).isEqualTo(Backend.CPU);
            assertThat(model.backend().fallbacks()).singleElement().asString()
                    .startsWith("Vulkan: no Vulkan device was found");
        }
    }

    @Test
    void aForcedBackendIsNotReplacedWhenItFails() throws Exception {
        Files.createDirectories(root.resolve("cuda"));
        Files.writeString(root.resolve("cuda").resolve(System.mapLibraryName("jllama")), "not a library");

        try (EngineProcess engine = engine()) {
            LoadSettings forced = LoadSettings.defaults(SharedModel.stories260K()).withThreads(1)
                    .withAcceleration(Acceleration.defaults().withBackend(BackendChoice.CUDA));
            assertThatThrownBy(() -> engine.load(forced)).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("did not load");
            LoadSettings unbuilt = forced.withAcceleration(Acceleration.defaults().withBackend(BackendChoice.VULKAN));
            assertThatThrownBy(() -> engine.load(unbuilt)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("no Vulkan build").hasMessageContaining("native/build.sh vulkan");
        }
    }

    private EngineProcess engine() {
        return EngineProcess.create(root.resolve("cache"), "256m", NativeVariants.at(root), BackendPresence.UNKNOWN);
    }
}
