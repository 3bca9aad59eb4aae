package dev.ponder.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ponder.engine.Backend;
import dev.ponder.engine.llama.NativeVariant;
import dev.ponder.testing.NativeBuilds;
import dev.ponder.testing.SharedModel;
import dev.ponder.testing.backend.BackendAgreement;
import dev.ponder.testing.backend.Position;
import dev.ponder.testing.backend.ProbeRun;

/**
 * The Vulkan build computes what the CPU build computes, position by position along a teacher-forced text (see
 * {@link BackendAgreement} for the tolerances and why). Runs on any Vulkan device; here, Mesa's lavapipe, a Vulkan
 * driver on the CPU. Needs both builds ({@code native/build.sh cpu} and {@code vulkan}) and skips loudly without.
 * Run alone with {@code ./mvnw -pl app test -Dgroups=vulkan}.
 */
@Tag("vulkan")
class VulkanAgreementTest {

    private static final Logger LOG = LoggerFactory.getLogger(VulkanAgreementTest.class);

    @TempDir
    Path work;

    @Test
    void theVulkanBuildAgreesWithTheCpuBuildAtEveryPosition() throws Exception {
        Path model = SharedModel.stories260K();
        List<Position> cpu = ProbeRun.run(variant(Backend.CPU), model, work, 0);
        List<Position> vulkan = ProbeRun.run(variant(Backend.VULKAN), model, work, 0);

        LOG.info("CPU build (reference) against the Vulkan build:\n{}", BackendAgreement.table(cpu, vulkan));
        assertThat(cpu).as("positions of the forced text").hasSizeGreaterThan(30);
        assertThat(BackendAgreement.disagreements(cpu, vulkan)).isEmpty();
    }

    @Test
    void theComparisonRejectsABuildWithARopeFault() throws Exception {
        Path model = SharedModel.stories260K();
        List<Position> cpu = ProbeRun.run(variant(Backend.CPU), model, work, 0);
        List<Position> faulty = ProbeRun.run(variant(Backend.CPU), model, work, 2500);

        assertThat(BackendAgreement.disagreements(cpu, faulty))
                .anyMatch(problem -> problem.contains("on average"))
                .anyMatch(problem -> problem.contains("differs by"));
    }

    private static NativeVariant variant(Backend backend) {
        return new NativeVariant(backend, Optional.of(NativeBuilds.require(backend)));
    }
}
