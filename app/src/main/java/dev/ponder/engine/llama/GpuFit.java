package dev.ponder.engine.llama;

import dev.ponder.engine.KvCacheType;
import dev.ponder.models.GgufInfo;

/**
 * How many of a model's layers fit in a GPU's free memory: a deliberately simple estimate from the file's header
 * (weights, KV cache for the context, the logits of one batch, a fixed margin), until a planner that knows each
 * tensor's placement takes over. It errs low: a layer left on the CPU costs speed, one too many fails the load.
 */
final class GpuFit {

    /** Room for llama.cpp's compute buffers and the driver's own allocations. */
    static final long MARGIN_BYTES = 512L << 20;
    /** Tokens llama.cpp computes at once (its n_ubatch default), which sizes the output layer's compute buffer. */
    static final int MICRO_BATCH = 512;

    private GpuFit() {
    }

    /**
     * @return layers to offload, from 0 to {@code info.blockCount() + 1} (the blocks and the output layer)
     */
    static int layers(long freeBytes, GgufInfo info, int contextSize, KvCacheType kvCache) {
        int offloadable = (int) info.blockCount() + 1;
        long logits = (long) MICRO_BATCH * Math.max(info.vocabularySize(), 1) * Float.BYTES;
        long budget = freeBytes - MARGIN_BYTES - logits;
        long needed = info.tensorDataBytes() + kvCacheBytes(info, contextSize, kvCache);
        if (needed <= budget) {
            return offloadable;
        }
        if (budget <= 0) {
            return 0;
        }
        return (int) Math.min(offloadable, budget * offloadable / needed);
    }

    /** Keys and values for every layer and position of the context. */
    static long kvCacheBytes(GgufInfo info, int contextSize, KvCacheType kvCache) {
        long heads = Math.max(info.headCount(), 1);
        long kvHeads = info.headCountKv() > 0 ? info.headCountKv() : heads;
        long width = info.embeddingLength() / heads * kvHeads;
        double bytesPerValue = switch (kvCache) {
            case F16 -> 2;
            case Q8_0 -> 34.0 / 32;
            case Q4_0 -> 18.0 / 32;
        };
        return (long) Math.ceil(2.0 * info.blockCount() * contextSize * width * bytesPerValue);
    }
}
