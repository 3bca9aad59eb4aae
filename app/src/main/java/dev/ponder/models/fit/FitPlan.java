package dev.ponder.models.fit;

import java.util.Locale;

/**
 * How a model would run on a machine, and why.
 *
 * @param verdict         where it runs
 * @param gpuLayers       the value for llama.cpp's {@code n_gpu_layers}: {@code layers + 1} puts the output head on
 *                        the GPU too, 0 runs on the CPU
 * @param layers          the model's repeating layers
 * @param context         the context the estimate is for, in tokens
 * @param estimate        llama.cpp's memory for the whole model on one device
 * @param gpuBytes        what the plan puts on the GPU
 * @param cpuBytes        what the plan leaves in RAM
 * @param gpuName         the GPU used, or null
 * @param tokensPerSecond the decode speed to expect on the CPU alone, or null when the GPU does the work or the
 *                        memory speed is unknown
 */
public record FitPlan(Verdict verdict, int gpuLayers, long layers, int context, MemoryEstimate estimate,
                      long gpuBytes, long cpuBytes, String gpuName, Double tokensPerSecond) {

    /** One line for a user: "fits on GPU", "GPU + CPU: 20 of 48 layers on the GPU", "CPU only, about 7 tokens/s". */
    public String summary() {
        return switch (verdict) {
            case FITS_ON_GPU -> "fits on GPU (" + gib(gpuBytes) + " of " + gpuName + ")";
            case GPU_AND_CPU -> "GPU + CPU: " + Math.min(gpuLayers, layers) + " of " + layers + " layers on the GPU";
            case CPU_ONLY -> tokensPerSecond == null ? "CPU only"
                    : String.format(Locale.ROOT, "CPU only, about %s tokens/s expected", rate(tokensPerSecond));
            case TOO_BIG -> "too big: needs " + gib(estimate.totalBytes()) + " at " + context
                    + " tokens of context, more than this machine's free memory";
        };
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    private static String rate(double perSecond) {
        return perSecond >= 10 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
