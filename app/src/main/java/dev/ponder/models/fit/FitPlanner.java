package dev.ponder.models.fit;

import java.util.Optional;

import dev.ponder.hardware.Gpu;
import dev.ponder.hardware.Hardware;

/**
 * Decides where a model runs: all on the GPU, split layer by layer between GPU and CPU, or on the CPU alone, from
 * {@link MemoryEstimator}'s figures and the probed hardware. The engine takes {@link #gpuLayers} as its default.
 */
public final class FitPlanner {

    /**
     * VRAM left alone: the GPU runtime's own context and workspaces (a CUDA context takes a few hundred MiB before the
     * first tensor) and the display. Half a GiB, so that a plan that "fits" loads.
     */
    static final long GPU_RESERVE = 512L << 20;

    /**
     * Weight bytes one CPU core gets through per second while decoding (dequantizing and multiplying), measured on
     * Q4_K models of the 1.5B and 7B shapes on one AVX-512 EPYC core ({@code PlannerBenchmark}, {@code ponder bench}):
     * 11 to 18 GB/s, 16 to 18 in the quieter runs. A little below, so that the estimate errs slow. Decode is limited by
     * this or by memory bandwidth, whichever is lower.
     */
    static final double CORE_BYTES_PER_SECOND = 15e9;

    /**
     * The micro-batch of prompt tokens when the whole model fits on the GPU with the scratch memory it needs (the
     * logits of a micro-batch are most of it: 311 MB more than llama.cpp's {@value MemoryEstimator#MICRO_BATCH} for
     * a 152k vocabulary). On the H200 with the 1.5B shape, llama-bench's 1,000-token prompt ran 16% faster at 1024
     * than at 512, and no faster at 2048.
     */
    public static final int WIDE_MICRO_BATCH = 1024;

    private FitPlanner() {
    }

    /**
     * The {@code n_gpu_layers} the engine loads {@code shape} with when the user leaves it on automatic: all of it
     * when it fits in {@code freeVramBytes} (less {@link #GPU_RESERVE}), else as many layers as fit, 0 when none does.
     *
     * @param cacheBytesPerValue the KV cache's bytes a key or value (see {@link MemoryEstimator#estimate(ModelShape,
     *                           int, int, double)})
     */
    public static int gpuLayers(ModelShape shape, long freeVramBytes, int context, double cacheBytesPerValue) {
        MemoryEstimate whole = MemoryEstimator.estimate(shape, context, 1, cacheBytesPerValue);
        return gpuLayers(shape, whole, freeVramBytes - GPU_RESERVE);
    }

    /**
     * The micro-batch the engine processes prompts in when the user leaves the GPU layers on automatic:
     * {@link #WIDE_MICRO_BATCH} when the whole model fits in {@code freeVramBytes} with it, else llama.cpp's default.
     */
    public static int microBatch(ModelShape shape, long freeVramBytes, int context, double cacheBytesPerValue) {
        MemoryEstimate wide = MemoryEstimator.estimate(shape, context, 1, cacheBytesPerValue, WIDE_MICRO_BATCH);
        return allOnGpuBytes(shape, wide) <= freeVramBytes - GPU_RESERVE ? WIDE_MICRO_BATCH
                : MemoryEstimator.MICRO_BATCH;
    }

    public static FitPlan plan(ModelShape shape, Hardware hardware, int context) {
        long ram = hardware.memory().availableBytes();
        Optional<Gpu> gpu = hardware.bestGpu();
        long vram = gpu.map(g -> g.usableVramBytes() - GPU_RESERVE).orElse(0L);
        String gpuName = gpu.map(Gpu::name).orElse(null);
        int layers = Math.toIntExact(shape.layers());
        MemoryEstimate whole = MemoryEstimator.estimate(shape, context, 1, MemoryEstimator.F16_CACHE,
                microBatch(shape, vram + GPU_RESERVE, context, MemoryEstimator.F16_CACHE));

        long allOnGpu = gpuBytes(shape, whole, layers + 1);
        long hostSide = cpuBytes(shape, whole, layers + 1);
        if (allOnGpu <= vram && hostSide <= ram) {
            return new FitPlan(Verdict.FITS_ON_GPU, layers + 1, layers, context, whole, allOnGpu, hostSide,
                    gpuName, null);
        }
        int onGpu = Math.min(gpuLayers(shape, whole, vram), layers);
        long leftInRam = cpuBytes(shape, whole, onGpu);
        if (onGpu > 0 && leftInRam <= ram) {
            return new FitPlan(Verdict.GPU_AND_CPU, onGpu, layers, context, whole, gpuBytes(shape, whole, onGpu),
                    leftInRam, gpuName, null);
        }
        if (whole.totalBytes() <= ram) {
            return new FitPlan(Verdict.CPU_ONLY, 0, layers, context, whole, 0, whole.totalBytes(), null,
                    cpuTokensPerSecond(shape, hardware));
        }
        return new FitPlan(Verdict.TOO_BIG, 0, layers, context, whole, 0, whole.totalBytes(), gpuName, null);
    }

    /**
     * llama.cpp offloads the last {@code n} blocks, each with its share of the KV cache, and the output head only
     * when every block is on the GPU; the compute buffer is on the GPU as soon as one block is.
     */
    private static int gpuLayers(ModelShape shape, MemoryEstimate whole, long vram) {
        int layers = Math.toIntExact(shape.layers());
        if (allOnGpuBytes(shape, whole) <= vram) {
            return layers + 1;
        }
        long perLayer = perLayerBytes(shape, whole);
        return perLayer == 0 ? 0 : (int) Math.clamp((vram - splitComputeBytes(shape, whole)) / perLayer, 0, layers);
    }

    /**
     * What {@code gpuLayers} layers put on the GPU: the whole model but its token embedding when they are all there,
     * else those blocks with their KV cache, and a compute buffer.
     */
    public static long gpuBytes(ModelShape shape, MemoryEstimate whole, int gpuLayers) {
        if (gpuLayers > shape.layers()) {
            return allOnGpuBytes(shape, whole);
        }
        return gpuLayers <= 0 ? 0 : gpuLayers * perLayerBytes(shape, whole) + splitComputeBytes(shape, whole);
    }

    /**
     * What stays in RAM with {@code gpuLayers} layers on the GPU: the rest, but the compute buffer, which is the
     * GPU's as soon as it has one block (the CPU's own is a few MiB).
     */
    public static long cpuBytes(ModelShape shape, MemoryEstimate whole, int gpuLayers) {
        if (gpuLayers > shape.layers()) {
            return shape.tokenEmbeddingBytes() + whole.outputBytes();
        }
        if (gpuLayers <= 0) {
            return whole.totalBytes();
        }
        return whole.totalBytes() - whole.computeBytes() - gpuLayers * perLayerBytes(shape, whole);
    }

    /**
     * A split model's GPU compute buffer: llama.cpp's scheduler runs a prompt's large multiplications on the GPU even
     * for weights left in RAM, copying them into this buffer, and the largest it copies is the output head (measured
     * on CUDA with the 1.5B shape, 14 of 28 layers: 486 MiB against 303 for the whole model on the GPU, the head
     * being 183).
     */
    private static long splitComputeBytes(ModelShape shape, MemoryEstimate whole) {
        return whole.computeBytes() + shape.outputGpuBytes();
    }

    private static long allOnGpuBytes(ModelShape shape, MemoryEstimate whole) {
        return shape.layerBytes() + shape.outputGpuBytes() + whole.kvBytes() + whole.computeBytes();
    }

    private static long perLayerBytes(ModelShape shape, MemoryEstimate whole) {
        return shape.bytesPerLayer() + whole.kvBytes() / shape.layers();
    }

    /**
     * Every token reads every weight once, so decode runs at the slower of memory bandwidth and the cores' own pace,
     * over the bytes a token reads. The threads are the engine's default: one per physical core but one.
     */
    private static Double cpuTokensPerSecond(ModelShape shape, Hardware hardware) {
        Double bandwidth = hardware.memory().bandwidthBytesPerSecond();
        if (bandwidth == null) {
            return null;
        }
        int threads = Math.max(1, hardware.cpu().physicalCores() - 1);
        return Math.min(bandwidth, threads * CORE_BYTES_PER_SECOND) / shape.bytesReadPerToken();
    }
}
