package dev.ponder.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to load a model.
 *
 * @param model        the GGUF file
 * @param contextSize  tokens of context; 0 for {@value #DEFAULT_CONTEXT} or the model's trained length if shorter
 * @param threads      CPU threads for decoding
 * @param acceleration the backend, GPU layers, flash attention and KV cache type
 * @param batchSize    logical batch size for prompt processing
 * @param seed         sampling seed; -1 picks a random one
 * @param parallel     sequences served at once (llama.cpp slots), each with contextSize / parallel tokens
 */
public record LoadSettings(Path model, int contextSize, int threads, Acceleration acceleration, int batchSize,
                           long seed, int parallel) {

    public static final int DEFAULT_CONTEXT = 4096;
    /** llama.cpp's own default (and llama-bench's): a 1,000-token prompt in one decode call, computed 512 at a time. */
    public static final int DEFAULT_BATCH = 2048;

    public LoadSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(acceleration, "acceleration");
        if (contextSize < 0 || threads < 1 || batchSize < 1 || parallel < 1) {
            throw new IllegalArgumentException("invalid load settings: context " + contextSize + ", threads "
                    + threads + ", batch " + batchSize + ", parallel " + parallel);
        }
    }

    /**
     * Settings a user gets without choosing: an automatic context, threads from {@link ThreadDefaults}, the best
     * backend present with every layer that fits on its GPU.
     */
    public static LoadSettings defaults(Path model) {
        return new LoadSettings(model, 0, ThreadDefaults.decodeThreads(), Acceleration.defaults(), DEFAULT_BATCH, -1,
                1);
    }

    /** The context to allocate for a model trained on {@code trainedLength} tokens. */
    public int effectiveContext(long trainedLength) {
        if (contextSize > 0) {
            return contextSize;
        }
        return trainedLength > 0 ? (int) Math.min(DEFAULT_CONTEXT, trainedLength) : DEFAULT_CONTEXT;
    }

    public LoadSettings withModelPath(Path newModel) {
        return new LoadSettings(newModel, contextSize, threads, acceleration, batchSize, seed, parallel);
    }

    public LoadSettings withThreads(int newThreads) {
        return new LoadSettings(model, contextSize, newThreads, acceleration, batchSize, seed, parallel);
    }

    public LoadSettings withContextSize(int newContextSize) {
        return new LoadSettings(model, newContextSize, threads, acceleration, batchSize, seed, parallel);
    }

    public LoadSettings withAcceleration(Acceleration newAcceleration) {
        return new LoadSettings(model, contextSize, threads, newAcceleration, batchSize, seed, parallel);
    }

    public LoadSettings withBatchSize(int newBatchSize) {
        return new LoadSettings(model, contextSize, threads, acceleration, newBatchSize, seed, parallel);
    }

    public LoadSettings withSeed(long newSeed) {
        return new LoadSettings(model, contextSize, threads, acceleration, batchSize, newSeed, parallel);
    }

    public LoadSettings withParallel(int newParallel) {
        return new LoadSettings(model, contextSize, threads, acceleration, batchSize, seed, newParallel);
    }
}
