package dev.ponder.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.hardware.Cpu;
import dev.ponder.hardware.Disk;
import dev.ponder.hardware.Gpu;
import dev.ponder.hardware.GpuBackend;
import dev.ponder.hardware.Memory;

/** The machine in the Models view's top line: what was found, and what was not said as unknown. */
class HardwareSummaryTest {

    @Test
    void theProcessorWithItsCoresAndThreads() {
        assertThat(HardwareSummary.cpu(new Cpu("AMD Ryzen 7 5800X", "amd64", 8, 16, List.of("AVX2"))))
                .isEqualTo("AMD Ryzen 7 5800X · 8 cores, 16 threads");
        assertThat(HardwareSummary.cpu(new Cpu(null, "aarch64", 1, 1, List.of())))
                .isEqualTo("Processor unknown · 1 core");
        assertThat(HardwareSummary.instructionSets(new Cpu(null, "amd64", 2, 2, List.of("AVX2", "AVX512F"))))
                .isEqualTo("Instruction sets: AVX2 AVX512F");
    }

    @Test
    void memoryAndDisk() {
        assertThat(HardwareSummary.memory(new Memory(24L << 30, 18L << 30, null)))
                .isEqualTo("RAM 24.0 GiB, 18.0 GiB free");
        assertThat(HardwareSummary.disk(new Disk(Path.of("models"), 120L << 30))).isEqualTo("120.0 GiB free for models");
        assertThat(HardwareSummary.disk(new Disk(Path.of("models"), null))).isEqualTo("Free disk unknown");
    }

    @Test
    void gpusWithTheirMemoryAndBackendsOrTheirAbsence() {
        assertThat(HardwareSummary.gpus(List.of())).isEqualTo("No GPU found: models run on the CPU");
        Gpu nvidia = new Gpu("NVIDIA GeForce RTX 3060", "NVIDIA", 12L << 30, 11L << 30, "550", false,
                List.of(GpuBackend.VULKAN, GpuBackend.CUDA));
        Gpu intel = new Gpu("Intel Arc A380", "Intel", null, null, null, false, List.of(GpuBackend.VULKAN));
        assertThat(HardwareSummary.gpus(List.of(nvidia, intel))).isEqualTo("NVIDIA GeForce RTX 3060: 12.0 GiB, "
                + "11.0 GiB free (CUDA, Vulkan); Intel Arc A380: VRAM unknown (Vulkan)");
    }
}
