package dev.ponder.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to load a model.
 *
 * @param model       the GGUF file
 * @param contextSize tokens of context; 0 for {@value #DEFAULT_CONTEXT} or the model's trained length if shorter
 * @param threads     CPU threads for decoding
 * @param gpuLayers   layers offloaded to the GPU (0 on a CPU-only build)
 * @param batchSize   logical batch size for prompt processing
 * @param seed        sampling seed; -1 picks a random one
 * @param parallel    sequences served at once (llama.cpp slots), each with contextSize / parallel tokens
 */
public record LoadSettings(Path model, int contextSize, int threads, int gpuLayers, int batchSize, long seed,
                           int parallel) {

    public static final int DEFAULT_CONTEXT = 4096;
    public static final int DEFAULT_BATCH = 512;

    public LoadSettings {
        Objects.requireNonNull(model, "model");
        if (contextSize < 0 || threads < 1 || gpuLayers < 0 || batchSize < 1 || parallel < 1) {
            throw new IllegalArgumentException("invalid load settings: context " + contextSize + ", threads "
                    + threads + ", gpu layers " + gpuLayers + ", batch " + batchSize + ", parallel " + parallel);
        }
    }

    /** Settings a user gets without choosing: an automatic context, threads from {@link ThreadDefaults}. */
    public static LoadSettings defaults(Path model) {
        return new LoadSettings(model, 0, ThreadDefaults.decodeThreads(), 0, DEFAULT_BATCH, -1, 1);
    }

    /** The context to allocate for a model trained on {@code trainedLength} tokens. */
    public int effectiveContext(long trainedLength) {
        if (contextSize > 0) {
            return contextSize;
        }
        return trainedLength > 0 ? (int) Math.min(DEFAULT_CONTEXT, trainedLength) : DEFAULT_CONTEXT;
    }

    public LoadSettings withModelPath(Path newModel) {
        return new LoadSettings(newModel, contextSize, threads, gpuLayers, batchSize, seed, parallel);
    }

    public LoadSettings withThreads(int newThreads) {
        return new LoadSettings(model, contextSize, newThreads, gpuLayers, batchSize, seed, parallel);
    }

    public LoadSettings withContextSize(int newContextSize) {
        return new LoadSettings(model, newContextSize, threads, gpuLayers, batchSize, seed, parallel);
    }

    public LoadSettings withSeed(long newSeed) {
        return new LoadSettings(model, contextSize, threads, gpuLayers, batchSize, newSeed, parallel);
    }

    public LoadSettings withParallel(int newParallel) {
        return new LoadSettings(model, contextSize, threads, gpuLayers, batchSize, seed, newParallel);
    }
}
