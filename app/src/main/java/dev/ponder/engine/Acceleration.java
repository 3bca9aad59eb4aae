package dev.ponder.engine;

import java.util.Objects;

/**
 * How a model is computed: on which backend, how many of its layers go to the GPU, and how attention is done.
 *
 * @param backend        the backend to use, or {@link BackendChoice#AUTO} for the best one present
 * @param gpuLayers      layers offloaded to the GPU; {@value #ALL_LAYERS_THAT_FIT} for as many as the GPU's free memory
 *                       holds (all of them when the model fits); ignored on the CPU
 * @param flashAttention llama.cpp's fused attention: faster on GPUs, and required by a quantized KV cache
 * @param kvCache        how the context's keys and values are stored
 */
public record Acceleration(BackendChoice backend, int gpuLayers, boolean flashAttention, KvCacheType kvCache) {

    public static final int ALL_LAYERS_THAT_FIT = -1;

    public Acceleration {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(kvCache, "kvCache");
        if (gpuLayers < ALL_LAYERS_THAT_FIT) {
            throw new IllegalArgumentException("GPU layers must be -1 (all that fit), 0 or more, not " + gpuLayers);
        }
        if (kvCache.quantized() && !flashAttention) {
            // llama.cpp refuses a quantized V cache without flash attention, deep inside the load.
            throw new IllegalArgumentException("a " + kvCache.label() + " KV cache needs flash attention: turn flash"
                    + " attention on, or keep the KV cache at f16");
        }
    }

    /** The best backend present, every layer that fits on its GPU, llama.cpp's attention and F16 cache. */
    public static Acceleration defaults() {
        return new Acceleration(BackendChoice.AUTO, ALL_LAYERS_THAT_FIT, false, KvCacheType.F16);
    }

    /** The CPU only: what tests and benchmarks that must not depend on a GPU ask for. */
    public static Acceleration cpu() {
        return new Acceleration(BackendChoice.CPU, 0, false, KvCacheType.F16);
    }

    public Acceleration withBackend(BackendChoice newBackend) {
        return new Acceleration(newBackend, gpuLayers, flashAttention, kvCache);
    }

    public Acceleration withGpuLayers(int newGpuLayers) {
        return new Acceleration(backend, newGpuLayers, flashAttention, kvCache);
    }
}
