package dev.ponder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BackendPlanTest {

    private static final Set<Backend> ALL = EnumSet.allOf(Backend.class);

    @Test
    void autoTriesCudaThenVulkanThenTheCpu() throws Exception {
        assertThat(BackendPlan.of(BackendChoice.AUTO, BackendPresence.UNKNOWN, ALL).order())
                .containsExactly(Backend.CUDA, Backend.VULKAN, Backend.CPU);
    }

    @Test
    void autoSkipsBuildsNotMadeAndWhatTheProbeRulesOutButNeverTheCpu() throws Exception {
        BackendPresence noNvidia = backend -> backend == Backend.CUDA ? Optional.of("no NVIDIA GPU")
                : Optional.empty();
        BackendPlan plan = BackendPlan.of(BackendChoice.AUTO, noNvidia, EnumSet.of(Backend.CUDA, Backend.CPU));

        assertThat(plan.order()).containsExactly(Backend.CPU);
        assertThat(plan.skipped()).containsExactly("CUDA: no NVIDIA GPU", "Vulkan: no build in this installation");
        assertThat(BackendPlan.of(BackendChoice.AUTO, backend -> Optional.of("nothing"), Set.of()).order())
                .containsExactly(Backend.CPU);
    }

    @Test
    void aForcedBackendIsTriedAloneEvenWhereTheProbeDoubtsIt() throws Exception {
        assertThat(BackendPlan.of(BackendChoice.VULKAN, backend -> Optional.of("no driver"), ALL).order())
                .containsExactly(Backend.VULKAN);
        assertThat(BackendPlan.of(BackendChoice.CPU, BackendPresence.UNKNOWN, Set.of()).order())
                .containsExactly(Backend.CPU);
    }

    @Test
    void aForcedBackendWithoutABuildSaysHowToMakeOne() {
        assertThatThrownBy(() -> BackendPlan.of(BackendChoice.CUDA, BackendPresence.UNKNOWN, Set.of(Backend.CPU)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("no CUDA build").hasMessageContaining("native/build.sh cuda");
    }

    @Test
    void choicesAndCacheTypesReadTheirCommandLineNames() {
        assertThat(BackendChoice.fromLabel(" Vulkan ")).isEqualTo(BackendChoice.VULKAN);
        assertThat(KvCacheType.fromLabel("q8_0")).isEqualTo(KvCacheType.Q8_0);
        assertThatThrownBy(() -> BackendChoice.fromLabel("metal")).hasMessageContaining("auto, cuda, vulkan or cpu");
    }

    @Test
    void aQuantizedKvCacheNeedsFlashAttention() {
        assertThatThrownBy(() -> new Acceleration(BackendChoice.AUTO, -1, false, KvCacheType.Q8_0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs flash attention");
        assertThat(new Acceleration(BackendChoice.AUTO, -1, true, KvCacheType.Q4_0).kvCache())
                .isEqualTo(KvCacheType.Q4_0);
    }

    @Test
    void theSummaryNamesTheDeviceAndTheLayersOnIt() {
        ActiveBackend cuda = new ActiveBackend(Backend.CUDA, "NVIDIA H200", 29, 29, 1024, 1 << 30,
                java.util.List.of());
        assertThat(cuda.summary()).isEqualTo("CUDA (NVIDIA H200), 29/29 layers on the GPU");
        assertThat(ActiveBackend.cpu(6).summary()).isEqualTo("CPU");
        assertThat(cuda.afterFallbacks(java.util.List.of("Vulkan: gone")).fallbacks()).containsExactly("Vulkan: gone");
    }
}
