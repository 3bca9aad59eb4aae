package dev.ponder.models.fit;

/** Where a model runs on a machine. */
public enum Verdict {
    /** Every layer, the output head and the KV cache fit in the GPU's free memory. */
    FITS_ON_GPU,
    /** Some layers on the GPU, the rest on the CPU. */
    GPU_AND_CPU,
    /** No usable GPU, or not even one layer fits on it; the model fits in RAM. */
    CPU_ONLY,
    /** More than the machine's free RAM and VRAM together. */
    TOO_BIG
}
