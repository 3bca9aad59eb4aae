package dev.ponder.models.fit;

/**
 * The memory llama.cpp allocates for a model, in the parts its load log reports.
 *
 * @param weightBytes  the tensors ("model buffer size")
 * @param kvBytes      the key/value cache for the context ("KV buffer size")
 * @param computeBytes the scratch memory of the largest graph ("compute buffer size")
 * @param outputBytes  the logits of one token per sequence ("output buffer size")
 */
public record MemoryEstimate(long weightBytes, long kvBytes, long computeBytes, long outputBytes) {

    public long totalBytes() {
        return weightBytes + kvBytes + computeBytes + outputBytes;
    }
}
