package dev.ponder.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.ponder.models.fit.MemoryEstimator;

/**
 * The backend a model was loaded on, as the status bar and {@code ponder chat} report it.
 *
 * @param backend        where llama.cpp computes
 * @param device         the device's own name ("NVIDIA GeForce RTX 4070", "CPU")
 * @param gpuLayers      layers offloaded to the GPU (0 on the CPU)
 * @param layers         the model's offloadable layers: its blocks and the output layer
 * @param microBatch     prompt tokens processed at a time (llama.cpp's n_ubatch)
 * @param gpuMemoryBytes GPU memory the load took (weights, KV cache, compute buffers), 0 on the CPU or when unknown
 * @param fallbacks      why better backends were not used, one line each ("CUDA: no CUDA device found (…)")
 */
public record ActiveBackend(Backend backend, String device, int gpuLayers, int layers, int microBatch,
                            long gpuMemoryBytes, List<String> fallbacks) {

    public ActiveBackend {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(device, "device");
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }

    /** The CPU, with every layer there. */
    public static ActiveBackend cpu(int layers) {
        return new ActiveBackend(Backend.CPU, "CPU", 0, layers, MemoryEstimator.MICRO_BATCH, 0, List.of());
    }

    /** This load, after {@code earlier} backends failed (each line says which and why). */
    public ActiveBackend afterFallbacks(List<String> earlier) {
        List<String> all = new ArrayList<>(earlier);
        all.addAll(fallbacks);
        return new ActiveBackend(backend, device, gpuLayers, layers, microBatch, gpuMemoryBytes, all);
    }

    /** One line: "CUDA (NVIDIA H200), 29/29 layers on the GPU", or "CPU". */
    public String summary() {
        if (!backend.gpu()) {
            return "CPU";
        }
        return backend + " (" + device + "), " + gpuLayers + "/" + layers + " layers on the GPU";
    }
}
