package dev.ponder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.ponder.engine.llama.NativeVariants;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.models.fit.FitPlanner;
import dev.ponder.testing.NativeBuilds;

/**
 * The engine's whole contract on the Vulkan build, through the engine child as the app runs it, with the backend
 * forced (lavapipe, a Vulkan driver on the CPU, is refused by the automatic choice as slower than the CPU backend).
 * Skips loudly without {@code native/build.sh vulkan}; run alone with {@code ./mvnw -pl app test -Dgroups=vulkan}.
 */
@Tag("vulkan")
class VulkanEngineTest extends EngineContract {

    private EngineProcess engine;

    @BeforeEach
    void start() {
        NativeBuilds.require(Backend.VULKAN);
        engine = EngineProcess.create(temp.resolve("cache"), "256m", NativeVariants.at(NativeBuilds.root()),
                BackendPresence.UNKNOWN);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    protected Engine engine() {
        return engine;
    }

    @Override
    protected LoadSettings settings() {
        return super.settings().withAcceleration(Acceleration.defaults().withBackend(BackendChoice.VULKAN));
    }

    @Test
    void everyLayerRunsOnTheVulkanDevice() throws Exception {
        LoadedModel model = engine.load(settings());

        assertThat(model.backend().backend()).isEqualTo(Backend.VULKAN);
        assertThat(model.backend().gpuLayers()).isEqualTo(model.backend().layers()).isEqualTo(6);
        assertThat(model.backend().microBatch()).isEqualTo(FitPlanner.WIDE_MICRO_BATCH);
        assertThat(model.backend().device()).isNotBlank();
        assertThat(model.backend().fallbacks()).isEmpty();
    }
}
