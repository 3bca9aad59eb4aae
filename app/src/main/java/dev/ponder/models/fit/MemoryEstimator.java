package dev.ponder.models.fit;

/**
 * Estimates the memory llama.cpp takes for a model, part by part, the way its loader sizes them (llama.cpp as bundled
 * with java-llama.cpp 4.2.0: no flash attention, micro-batches of {@value #MICRO_BATCH} tokens unless told otherwise).
 * Flash attention needs less scratch memory than this, so with it on the estimate errs high, the safe side.
 */
public final class MemoryEstimator {

    /** llama.cpp's default micro-batch: the graph it reserves scratch memory for holds this many tokens. */
    public static final int MICRO_BATCH = 512;
    /** llama.cpp rounds the KV cache up to a multiple of this many cells. */
    private static final int KV_PADDING = 256;
    /** Bytes of one cached key or value in llama.cpp's default f16 cache. */
    public static final double F16_CACHE = 2;
    private static final int F32 = 4;

    private MemoryEstimator() {
    }

    /** The memory of {@code shape} with a context of {@code context} tokens shared by {@code parallel} sequences. */
    public static MemoryEstimate estimate(ModelShape shape, int context, int parallel) {
        return estimate(shape, context, parallel, F16_CACHE);
    }

    /**
     * The same with a KV cache of {@code cacheBytesPerValue} bytes a key or value: 2 for f16, less for the block
     * quantized types (q8_0 stores 32 values in 34 bytes).
     */
    public static MemoryEstimate estimate(ModelShape shape, int context, int parallel, double cacheBytesPerValue) {
        return estimate(shape, context, parallel, cacheBytesPerValue, MICRO_BATCH);
    }

    /** The same with prompts processed {@code microBatch} tokens at a time. */
    public static MemoryEstimate estimate(ModelShape shape, int context, int parallel, double cacheBytesPerValue,
                                          int microBatch) {
        return new MemoryEstimate(shape.weightBytes(), kvBytes(shape, context, cacheBytesPerValue),
                computeBytes(shape, context, microBatch), outputBytes(shape, parallel));
    }

    /** Keys and values of every layer for every cell of the (padded) context. */
    static long kvBytes(ModelShape shape, int context, double cacheBytesPerValue) {
        long values = shape.layers() * paddedContext(context) * shape.headsKv()
                * (shape.keyLength() + shape.valueLength());
        return (long) Math.ceil(values * cacheBytesPerValue);
    }

    static long paddedContext(int context) {
        return (context + KV_PADDING - 1L) / KV_PADDING * KV_PADDING;
    }

    /**
     * The scratch memory of the worst-case graph, one micro-batch of tokens ({@code T}, at most {@code microBatch})
     * against the whole context ({@code C} cells). llama.cpp's allocator reuses memory, so what counts is the most
     * alive at one time: either the attention scores of every head (heads × C × T f32) with the mask (C × T) and four
     * hidden-state tensors (embedding × T each), or at the end the logits (vocabulary × T) with two hidden-state
     * tensors. This matches llama.cpp's report within about 1 MiB on the shapes {@code PlannerBenchmark} loads.
     */
    public static long computeBytes(ModelShape shape, int context, int microBatch) {
        long cells = paddedContext(context);
        long tokens = Math.min(microBatch, cells);
        long hidden = shape.embedding() * tokens * F32;
        long attention = (shape.heads() + 1) * cells * tokens * F32 + 4 * hidden;
        long logits = shape.vocabulary() * tokens * F32 + 2 * hidden;
        return Math.max(attention, logits);
    }

    /** The logits of the last token of each sequence, kept for sampling. */
    public static long outputBytes(ModelShape shape, int parallel) {
        return shape.vocabulary() * F32 * Math.max(1, parallel);
    }
}
