package dev.ponder.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPU discovery from the tools' real output formats; the tools themselves are replaced by their captured output. */
class HardwareProbeTest {

    private static final long MIB = 1L << 20;

    // nvidia-smi --query-gpu=name,memory.total,memory.free,driver_version --format=csv,noheader,nounits
    private static final String NVIDIA_SMI = """
            NVIDIA GeForce RTX 3060, 12288, 11805, 550.54.14
            NVIDIA GeForce GTX 1050, [N/A], [N/A], 550.54.14
            """;

    // vulkaninfo --summary (Vulkan SDK 1.3), the Devices section
    private static final String VULKANINFO = """
            ==========
            VULKANINFO
            ==========

            Vulkan Instance Version: 1.3.239

            Devices:
            ========
            GPU0:
            	apiVersion         = 1.3.260
            	driverVersion      = 550.54.14.0
            	vendorID           = 0x10de
            	deviceID           = 0x2504
            	deviceType         = PHYSICAL_DEVICE_TYPE_DISCRETE_GPU
            	deviceName         = NVIDIA GeForce RTX 3060
            	driverID           = DRIVER_ID_NVIDIA_PROPRIETARY
            	driverName         = NVIDIA
            	driverInfo         = 550.54.14
            GPU1:
            	apiVersion         = 1.3.255
            	driverVersion      = 2.0.279
            	vendorID           = 0x1002
            	deviceID           = 0x7480
            	deviceType         = PHYSICAL_DEVICE_TYPE_DISCRETE_GPU
            	deviceName         = AMD Radeon RX 7600
            	driverID           = DRIVER_ID_AMD_OPEN_SOURCE
            	driverName         = AMDVLK
            	driverInfo         = 2023.Q3.3
            GPU2:
            	apiVersion         = 1.3.255
            	vendorID           = 0x10005
            	deviceType         = PHYSICAL_DEVICE_TYPE_CPU
            	deviceName         = llvmpipe (LLVM 15.0.6, 256 bits)
            """;

    @TempDir
    Path dir;

    private static ToolRunner tools(Map<String, String> outputs) {
        return command -> Optional.ofNullable(outputs.get(command.getFirst()));
    }

    private static final Cpu CPU = new Cpu("AMD Ryzen 7 5800X", "amd64", 8, 16, List.of());
    private static final Memory MEMORY = new Memory(32L << 30, 20L << 30, null);

    @Test
    void oneGpuSeenByNvidiaSmiAndVulkanIsOneDeviceWithBothBackends() {
        HardwareProbe probe = new HardwareProbe(tools(Map.of("nvidia-smi", NVIDIA_SMI, "vulkaninfo", VULKANINFO)),
                "Linux", "amd64", dir.resolve("no-drm"));

        List<Gpu> gpus = probe.gpus(CPU, MEMORY);

        assertThat(gpus).extracting(Gpu::name).containsExactly("NVIDIA GeForce RTX 3060", "NVIDIA GeForce GTX 1050",
                "AMD Radeon RX 7600");
        Gpu rtx = gpus.getFirst();
        assertThat(rtx.vramTotalBytes()).isEqualTo(12288 * MIB);
        assertThat(rtx.vramFreeBytes()).isEqualTo(11805 * MIB);
        assertThat(rtx.driver()).isEqualTo("550.54.14");
        assertThat(rtx.backends()).containsExactly(GpuBackend.CUDA, GpuBackend.VULKAN);
        assertThat(gpus.get(1).vramTotalBytes()).as("[N/A] is unknown, not an error").isNull();
        Gpu amd = gpus.get(2);
        assertThat(amd.vendor()).isEqualTo("AMD");
        assertThat(amd.backends()).containsExactly(GpuBackend.VULKAN);
        assertThat(amd.vramTotalBytes()).isNull();
    }

    @Test
    void anAmdGpuGetsItsVramFromTheDriver() throws Exception {
        Path card = Files.createDirectories(dir.resolve("drm/card1/device"));
        Files.writeString(card.resolve("vendor"), "0x1002\n");
        Files.writeString(card.resolve("mem_info_vram_total"), "8573157376\n");
        Files.writeString(card.resolve("mem_info_vram_used"), "573157376\n");
        Files.createDirectories(dir.resolve("drm/card1-DP-1"));
        Path intel = Files.createDirectories(dir.resolve("drm/card0/device"));
        Files.writeString(intel.resolve("vendor"), "0x8086\n");
        HardwareProbe probe = new HardwareProbe(tools(Map.of("vulkaninfo", VULKANINFO)), "Linux", "amd64",
                dir.resolve("drm"));

        List<Gpu> gpus = probe.gpus(CPU, MEMORY);

        Gpu amd = gpus.stream().filter(g -> "AMD".equals(g.vendor())).findFirst().orElseThrow();
        assertThat(amd.vramTotalBytes()).isEqualTo(8_573_157_376L);
        assertThat(amd.vramFreeBytes()).isEqualTo(8_000_000_000L);
        assertThat(gpus.getFirst()).as("the GPU with the most free VRAM first").isEqualTo(amd);
    }

    @Test
    void noToolsMeansNoGpusAndNoError() {
        HardwareProbe probe = new HardwareProbe(command -> Optional.empty(), "Linux", "amd64", dir.resolve("no-drm"));

        assertThat(probe.gpus(CPU, MEMORY)).isEmpty();
    }

    @Test
    void garbageFromAToolIsIgnored() {
        HardwareProbe probe = new HardwareProbe(tools(Map.of("nvidia-smi", "Failed to initialize NVML: Driver/library"
                + " version mismatch\n", "vulkaninfo", "ERROR: [Loader Message] no ICD\n")), "Linux", "amd64", dir.resolve("no-drm"));

        assertThat(probe.gpus(CPU, MEMORY)).isEmpty();
    }

    @Test
    void appleSiliconHasAMetalGpuSharingTheRam() {
        HardwareProbe probe = new HardwareProbe(command -> Optional.empty(), "Mac OS X", "aarch64",
                dir.resolve("no-drm"));

        List<Gpu> gpus = probe.gpus(new Cpu("Apple M2 Pro", "aarch64", 10, 10, List.of("NEON")), MEMORY);

        assertThat(gpus).singleElement().satisfies(gpu -> {
            assertThat(gpu.name()).isEqualTo("Apple M2 Pro GPU");
            assertThat(gpu.unifiedMemory()).isTrue();
            assertThat(gpu.backends()).containsExactly(GpuBackend.METAL);
            assertThat(gpu.vramTotalBytes()).isEqualTo(24L << 30); // three quarters of 32 GiB
            assertThat(gpu.vramFreeBytes()).isEqualTo(20L << 30); // no more than the RAM that is free
        });
    }

    @Test
    void instructionSetsAreReadFromEachOperatingSystemsSpelling() {
        assertThat(CpuFeatures.relevant(List.of("flags\t\t: fpu vme pni ssse3 fma avx avx2 f16c avx512f avx512bw"
                + " avx512vl avx512_vnni"))).containsExactly("SSE3", "SSSE3", "AVX", "AVX2", "FMA", "F16C", "AVX512F",
                "AVX512BW", "AVX512VL", "AVX512_VNNI");
        assertThat(CpuFeatures.relevant(List.of("Features\t: fp asimd evtstrm aes asimdhp asimddp i8mm sve")))
                .containsExactly("NEON", "DOTPROD", "I8MM", "SVE", "FP16");
        assertThat(CpuFeatures.relevant(List.of("hw.optional.neon: 1", "hw.optional.arm.FEAT_DotProd: 1",
                "hw.optional.arm.FEAT_I8MM: 0"))).containsExactly("NEON", "DOTPROD");
        assertThat(CpuFeatures.relevant(List.of("PF_AVX2_INSTRUCTIONS_AVAILABLE", "PF_SSE3_INSTRUCTIONS_AVAILABLE")))
                .containsExactly("SSE3", "AVX2");
    }

    @Test
    void thisMachineIsProbedWithoutError() {
        Hardware hardware = new HardwareProbe(command -> Optional.empty(), "Linux", "amd64",
                dir.resolve("no-drm")).probe(dir.resolve("models/not-yet"));

        assertThat(hardware.cpu().logicalCores()).isPositive();
        assertThat(hardware.cpu().physicalCores()).isBetween(1, hardware.cpu().logicalCores());
        assertThat(hardware.memory().totalBytes()).isGreaterThanOrEqualTo(hardware.memory().availableBytes());
        assertThat(hardware.disk().freeBytes()).as("the nearest existing folder is asked").isPositive();
    }
}
