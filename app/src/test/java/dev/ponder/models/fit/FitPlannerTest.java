package dev.ponder.models.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.hardware.Cpu;
import dev.ponder.hardware.Disk;
import dev.ponder.hardware.Gpu;
import dev.ponder.hardware.GpuBackend;
import dev.ponder.hardware.Hardware;
import dev.ponder.hardware.Memory;
import dev.ponder.models.GgufInfo;
import dev.ponder.testing.SyntheticModel;

class FitPlannerTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private GgufInfo model(SyntheticModel model) throws Exception {
        return GgufInfo.read(model.write(dir.resolve("model.gguf")));
    }

    private Hardware machine(long freeRam, Gpu... gpus) {
        return new Hardware(new Cpu("Test CPU", "amd64", 8, 16, List.of("AVX2")),
                new Memory(freeRam + 4 * GIB, freeRam, 20e9), new Disk(dir, 500 * GIB), List.of(gpus));
    }

    private static Gpu nvidia(long freeVram) {
        return new Gpu("NVIDIA GeForce RTX 4090", "NVIDIA", 24 * GIB, freeVram, "550.54", false,
                List.of(GpuBackend.CUDA, GpuBackend.VULKAN));
    }

    @Test
    void aModelThatFitsGoesAllOnTheGpuWithItsOutputHead() throws Exception {
        GgufInfo qwen7b = model(SyntheticModel.QWEN2_7B);

        FitPlan plan = FitPlanner.plan(ModelShape.of(qwen7b), machine(16 * GIB, nvidia(11 * GIB)), 4096);

        assertThat(plan.verdict()).isEqualTo(Verdict.FITS_ON_GPU);
        assertThat(plan.gpuLayers()).isEqualTo(29);
        // layers, output head, KV cache and the compute buffer of 1,024-token micro-batches, twice 512's: 4.66 GiB
        assertThat(plan.gpuBytes()).isEqualTo(3_671_793_664L + 447_082_496L + 234_881_024L + 2 * 326_107_136L);
        assertThat(plan.summary()).isEqualTo("fits on GPU (4.7 GiB of NVIDIA GeForce RTX 4090)");
        assertThat(FitPlanner.gpuLayers(ModelShape.of(qwen7b), 11 * GIB, 4096, MemoryEstimator.F16_CACHE))
                .isEqualTo(29);
        assertThat(FitPlanner.microBatch(ModelShape.of(qwen7b), 11 * GIB, 4096, MemoryEstimator.F16_CACHE))
                .isEqualTo(FitPlanner.WIDE_MICRO_BATCH);
    }

    @Test
    void aModelThatFitsOnlyWithLlamaCppsOwnMicroBatchKeepsIt() throws Exception {
        ModelShape qwen7b = ModelShape.of(model(SyntheticModel.QWEN2_7B));
        // Room for the whole model with 512-token micro-batches (4.36 GiB and the reserve), not with 1,024 (4.66).
        long free = 51 * GIB / 10;

        FitPlan plan = FitPlanner.plan(qwen7b, machine(16 * GIB, nvidia(free)), 4096);

        assertThat(plan.verdict()).isEqualTo(Verdict.FITS_ON_GPU);
        assertThat(plan.gpuBytes()).isEqualTo(3_671_793_664L + 447_082_496L + 234_881_024L + 326_107_136L);
        assertThat(FitPlanner.gpuLayers(qwen7b, free, 4096, MemoryEstimator.F16_CACHE)).isEqualTo(29);
        assertThat(FitPlanner.microBatch(qwen7b, free, 4096, MemoryEstimator.F16_CACHE))
                .isEqualTo(MemoryEstimator.MICRO_BATCH);
    }

    @Test
    void aModelTooBigForTheGpuIsSplitLayerByLayer() throws Exception {
        ModelShape llama70b = ModelShape.of(model(SyntheticModel.LLAMA_70B));

        FitPlan plan = FitPlanner.plan(llama70b, machine(24 * GIB, nvidia(24 * GIB)), 4096);

        // (24 GiB − 512 MiB reserve − 584 MiB compute − 822 MiB output head copied in for prompts)
        //     / (481 MB of weights + 16 MiB of KV cache a layer) = 47.7
        assertThat(plan.verdict()).isEqualTo(Verdict.GPU_AND_CPU);
        assertThat(plan.gpuLayers()).isEqualTo(47);
        assertThat(plan.summary()).isEqualTo("GPU + CPU: 47 of 80 layers on the GPU");
        assertThat(plan.gpuBytes()).isLessThanOrEqualTo(24 * GIB - FitPlanner.GPU_RESERVE);
        assertThat(FitPlanner.gpuLayers(llama70b, 24 * GIB, 4096, MemoryEstimator.F16_CACHE)).isEqualTo(47);
    }

    @Test
    void aQuantizedKvCacheLeavesRoomForMoreLayers() throws Exception {
        ModelShape llama70b = ModelShape.of(model(SyntheticModel.LLAMA_70B));
        // a q8_0 cache holds 32 values in 34 bytes: about half of f16's 16 MiB a layer at 16,384 tokens
        int f16 = FitPlanner.gpuLayers(llama70b, 24 * GIB, 16_384, MemoryEstimator.F16_CACHE);
        int q8 = FitPlanner.gpuLayers(llama70b, 24 * GIB, 16_384, 34.0 / 32);

        assertThat(MemoryEstimator.estimate(llama70b, 16_384, 1, 34.0 / 32).kvBytes())
                .isEqualTo(MemoryEstimator.kvBytes(llama70b, 16_384, MemoryEstimator.F16_CACHE) * 17 / 32);
        assertThat(q8).isGreaterThan(f16);
    }

    @Test
    void aGpuWithNoMoreThanTheReserveFreeTakesNoLayer() throws Exception {
        ModelShape qwen = ModelShape.of(model(SyntheticModel.QWEN2_1_5B));

        assertThat(FitPlanner.gpuLayers(qwen, FitPlanner.GPU_RESERVE, 4096, MemoryEstimator.F16_CACHE)).isZero();
        assertThat(FitPlanner.gpuLayers(qwen, 3 * GIB / 2, 4096, MemoryEstimator.F16_CACHE)).isBetween(1, 28);
    }

    @Test
    void withoutAGpuTheCpuDoesItAtTheSpeedMemoryAllows() throws Exception {
        ModelShape qwen = ModelShape.of(model(SyntheticModel.QWEN2_1_5B));

        FitPlan plan = FitPlanner.plan(qwen, machine(8 * GIB), 4096);

        assertThat(plan.verdict()).isEqualTo(Verdict.CPU_ONLY);
        assertThat(plan.gpuLayers()).isZero();
        // 20 GB/s of memory, below what 7 decode threads get through, over the 929 MB a token reads (the layers
        // and the output head; one embedding row is nothing)
        assertThat(plan.tokensPerSecond()).isCloseTo(20e9 / (737_558_528L + 191_445_504L), within());
        assertThat(plan.summary()).isEqualTo("CPU only, about 22 tokens/s expected");
    }

    @Test
    void onFewCoresTheCoresNotTheMemoryLimitTheSpeed() throws Exception {
        ModelShape qwen = ModelShape.of(model(SyntheticModel.QWEN2_7B));
        Hardware twoCores = new Hardware(new Cpu("Test CPU", "amd64", 2, 2, List.of()),
                new Memory(24 * GIB, 20 * GIB, 28e9), new Disk(dir, 500 * GIB), List.of());

        FitPlan plan = FitPlanner.plan(qwen, twoCores, 4096);

        // one decode thread at 15 GB/s over 4.12 GB a token (llama.cpp decoded this shape at 2.75 to 4.0 tokens/s)
        assertThat(plan.tokensPerSecond()).isCloseTo(15e9 / (3_671_793_664L + 447_082_496L), within());
    }

    @Test
    void aGpuWithoutRoomForOneLayerLeavesTheWorkToTheCpu() throws Exception {
        ModelShape qwen = ModelShape.of(model(SyntheticModel.QWEN2_7B));

        // 768 MiB free, less the 512 MiB reserve, is less than the 311 MiB compute buffer alone
        FitPlan plan = FitPlanner.plan(qwen, machine(16 * GIB, nvidia(3 * GIB / 4)), 4096);

        assertThat(plan.verdict()).isEqualTo(Verdict.CPU_ONLY);
        assertThat(plan.gpuLayers()).isZero();
    }

    @Test
    void aGpuOfUnknownMemoryIsNotCountedOn() throws Exception {
        ModelShape qwen = ModelShape.of(model(SyntheticModel.QWEN2_1_5B));
        Gpu vulkanOnly = new Gpu("AMD Radeon RX 7600", "AMD", null, null, null, false, List.of(GpuBackend.VULKAN));

        FitPlan plan = FitPlanner.plan(qwen, machine(8 * GIB, vulkanOnly), 4096);

        assertThat(plan.verdict()).isEqualTo(Verdict.CPU_ONLY);
    }

    @Test
    void moreThanTheMachineHasIsSaidPlainly() throws Exception {
        ModelShape llama70b = ModelShape.of(model(SyntheticModel.LLAMA_70B));

        FitPlan plan = FitPlanner.plan(llama70b, machine(16 * GIB), 4096);

        assertThat(plan.verdict()).isEqualTo(Verdict.TOO_BIG);
        assertThat(plan.summary()).isEqualTo("too big: needs 39.0 GiB at 4096 tokens of context, more than this"
                + " machine's free memory");
    }

    @Test
    void theSpeedOfAMixtureOfExpertsCountsOnlyTheExpertsATokenUses() throws Exception {
        ModelShape moe = ModelShape.of(model(SyntheticModel.SMALL_MOE));

        FitPlan plan = FitPlanner.plan(moe, machine(8 * GIB), 4096);

        assertThat(plan.tokensPerSecond()).isCloseTo(20e9 / moe.bytesReadPerToken(), within());
        assertThat(moe.bytesReadPerToken()).isLessThan(moe.weightBytes() / 2);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
