package dev.ponder.models.fit;

import dev.ponder.models.GgufInfo;

/**
 * What the planner needs to know about a model: the sizes that decide its memory, from a file's header or from a
 * catalog entry.
 *
 * @param layers              repeating blocks; llama.cpp offloads them one by one
 * @param headsKv             key/value heads (equal to the attention heads without grouped-query attention)
 * @param keyLength           the width of one head's keys
 * @param valueLength         the width of one head's values
 * @param embedding           the hidden size
 * @param vocabulary          tokens in the vocabulary: the width of the logits
 * @param heads               attention heads
 * @param layerBytes          the weights of all repeating blocks together
 * @param tokenEmbeddingBytes the token embedding, which llama.cpp always keeps on the CPU
 * @param outputBytes         the output head as stored ({@code output.weight}, {@code output_norm.weight})
 * @param tiedOutput          whether the output head reuses the token embedding (no {@code output.weight})
 * @param expertCount         experts per layer, 0 for a dense model
 * @param expertUsedCount     experts a token goes through
 * @param expertBytes         the bytes of all experts' weights
 */
public record ModelShape(long layers, long heads, long headsKv, long keyLength, long valueLength, long embedding,
                         long vocabulary, long layerBytes, long tokenEmbeddingBytes, long outputBytes, boolean tiedOutput,
                         long expertCount, long expertUsedCount, long expertBytes) {

    public ModelShape {
        if (layers < 1 || heads < 1 || embedding < 1 || vocabulary < 1) {
            throw new IllegalArgumentException("a model needs layers, heads, an embedding and a vocabulary: "
                    + layers + " layers, " + heads + " heads, embedding " + embedding + ", vocabulary " + vocabulary);
        }
        headsKv = headsKv > 0 ? headsKv : heads;
        keyLength = keyLength > 0 ? keyLength : embedding / heads;
        valueLength = valueLength > 0 ? valueLength : keyLength;
    }

    /** The shape a GGUF header describes. */
    public static ModelShape of(GgufInfo info) {
        long layerBytes = Math.max(0, info.tensorDataBytes() - info.tokenEmbeddingBytes() - info.outputBytes());
        return new ModelShape(info.blockCount(), info.headCount(), info.headCountKv(), info.keyLength(),
                info.valueLength(), info.embeddingLength(), info.vocabularySize(), layerBytes,
                info.tokenEmbeddingBytes(), info.outputBytes(), info.tiedOutput(), info.expertCount(), info.expertUsedCount(),
                info.expertBytes());
    }

    /** All the weights: what the file holds, and what the CPU maps when nothing is offloaded. */
    public long weightBytes() {
        return layerBytes + tokenEmbeddingBytes + outputBytes;
    }

    /** What the output head takes on a GPU when every layer is there: a copy of the embedding when they are tied. */
    public long outputGpuBytes() {
        return outputBytes + (tiedOutput ? tokenEmbeddingBytes : 0);
    }

    /** One repeating block's weights, on average. */
    public long bytesPerLayer() {
        return layerBytes / layers;
    }

    /** The weights one decoded token reads: every layer but only its experts, and the output head. */
    public long bytesReadPerToken() {
        long unusedExperts = expertCount > 0 ? expertBytes * (expertCount - expertUsedCount) / expertCount : 0;
        return layerBytes - unusedExperts + outputGpuBytes();
    }
}
