package dev.ponder.testing;

import java.nio.file.Path;
import java.util.Locale;

import dev.ponder.models.GgmlType;
import dev.ponder.models.GgufBuilder;

/**
 * A GGUF file with a real model's shape and no real weights: every tensor is zeros, kept as a hole in a sparse file.
 * llama.cpp loads it like the real model (same tensors, same buffers), which lets the planner be checked against
 * llama.cpp's own memory report for shapes far bigger than anything this repository could hold. Large weights are
 * Q4_K, the output head Q6_K and norms and biases F32, as in a Q4_K_M file.
 *
 * @param name        a label for reports
 * @param vocabulary  tokens; an SPM vocabulary of byte tokens and fillers, enough for llama.cpp to load
 * @param experts     experts per layer, 0 for a dense model
 * @param biases      whether attention has q/k/v biases (Qwen2)
 */
public record SyntheticModel(String name, String architecture, int layers, int embedding, int feedForward, int heads,
                             int headsKv, int vocabulary, int context, boolean biases, int experts,
                             int expertsUsed) {

    /** DeepSeek-R1-Distill-Qwen-1.5B's shape (Qwen2.5-Math-1.5B's config.json). */
    public static final SyntheticModel QWEN2_1_5B =
            new SyntheticModel("Qwen2 1.5B", "qwen2", 28, 1536, 8960, 12, 2, 151936, 131072, true, 0, 0);
    /** DeepSeek-R1-Distill-Qwen-7B's shape. */
    public static final SyntheticModel QWEN2_7B =
            new SyntheticModel("Qwen2 7B", "qwen2", 28, 3584, 18944, 28, 4, 152064, 131072, true, 0, 0);
    /** DeepSeek-R1-Distill-Llama-8B's shape (Llama 3.1 8B). */
    public static final SyntheticModel LLAMA_8B =
            new SyntheticModel("Llama 8B", "llama", 32, 4096, 14336, 32, 8, 128256, 131072, false, 0, 0);
    /** DeepSeek-R1-Distill-Llama-70B's shape (Llama 3.3 70B). */
    public static final SyntheticModel LLAMA_70B =
            new SyntheticModel("Llama 70B", "llama", 80, 8192, 28672, 64, 8, 128256, 131072, false, 0, 0);
    /** A small mixture of experts in Mixtral's layout: 8 experts, 2 used per token. */
    public static final SyntheticModel SMALL_MOE =
            new SyntheticModel("MoE 8x2", "llama", 8, 1024, 1536, 16, 4, 32000, 32768, false, 8, 2);

    public int headLength() {
        return embedding / heads;
    }

    /** Writes the model to {@code file} (sparse: a few megabytes of disk whatever the shape). */
    public Path write(Path file) {
        String arch = architecture;
        GgufBuilder gguf = new GgufBuilder()
                .string("general.architecture", arch)
                .string("general.name", name)
                .uint32("general.file_type", 15) // Q4_K_M
                .uint32(arch + ".context_length", context)
                .uint32(arch + ".embedding_length", embedding)
                .uint32(arch + ".block_count", layers)
                .uint32(arch + ".feed_forward_length", feedForward)
                .uint32(arch + ".attention.head_count", heads)
                .uint32(arch + ".attention.head_count_kv", headsKv)
                .float32(arch + ".attention.layer_norm_rms_epsilon", 1e-6f);
        if (experts > 0) {
            gguf.uint32(arch + ".expert_count", experts).uint32(arch + ".expert_used_count", expertsUsed);
        }
        vocabulary(gguf);
        long kvWidth = (long) headsKv * headLength();
        gguf.tensor("token_embd.weight", GgmlType.Q4_K, embedding, vocabulary);
        for (int i = 0; i < layers; i++) {
            String blk = "blk." + i + ".";
            gguf.tensor(blk + "attn_norm.weight", GgmlType.F32, embedding)
                    .tensor(blk + "attn_q.weight", GgmlType.Q4_K, embedding, embedding)
                    .tensor(blk + "attn_k.weight", GgmlType.Q4_K, embedding, kvWidth)
                    .tensor(blk + "attn_v.weight", GgmlType.Q4_K, embedding, kvWidth)
                    .tensor(blk + "attn_output.weight", GgmlType.Q4_K, embedding, embedding)
                    .tensor(blk + "ffn_norm.weight", GgmlType.F32, embedding);
            if (biases) {
                gguf.tensor(blk + "attn_q.bias", GgmlType.F32, embedding)
                        .tensor(blk + "attn_k.bias", GgmlType.F32, kvWidth)
                        .tensor(blk + "attn_v.bias", GgmlType.F32, kvWidth);
            }
            if (experts > 0) {
                gguf.tensor(blk + "ffn_gate_inp.weight", GgmlType.F32, embedding, experts)
                        .tensor(blk + "ffn_gate_exps.weight", GgmlType.Q4_K, embedding, feedForward, experts)
                        .tensor(blk + "ffn_up_exps.weight", GgmlType.Q4_K, embedding, feedForward, experts)
                        .tensor(blk + "ffn_down_exps.weight", GgmlType.Q4_K, feedForward, embedding, experts);
            } else {
                gguf.tensor(blk + "ffn_gate.weight", GgmlType.Q4_K, embedding, feedForward)
                        .tensor(blk + "ffn_up.weight", GgmlType.Q4_K, embedding, feedForward)
                        .tensor(blk + "ffn_down.weight", GgmlType.Q4_K, feedForward, embedding);
            }
        }
        gguf.tensor("output_norm.weight", GgmlType.F32, embedding)
                .tensor("output.weight", GgmlType.Q6_K, embedding, vocabulary);
        return gguf.writeSparse(file);
    }

    /** An SPM vocabulary llama.cpp accepts: unknown, begin and end, the 256 byte tokens, then fillers. */
    private void vocabulary(GgufBuilder gguf) {
        String[] tokens = new String[vocabulary];
        float[] scores = new float[vocabulary];
        int[] types = new int[vocabulary];
        tokens[0] = "<unk>";
        tokens[1] = "<s>";
        tokens[2] = "</s>";
        types[0] = 2;
        types[1] = 3;
        types[2] = 3;
        for (int b = 0; b < 256; b++) {
            tokens[3 + b] = String.format(Locale.ROOT, "<0x%02X>", b);
            types[3 + b] = 6;
        }
        for (int i = 259; i < vocabulary; i++) {
            tokens[i] = "\u2581t" + i;
            scores[i] = -i;
            types[i] = 1;
        }
        gguf.string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", tokens)
                .float32s("tokenizer.ggml.scores", scores)
                .int32s("tokenizer.ggml.token_type", types)
                .uint32("tokenizer.ggml.bos_token_id", 1)
                .uint32("tokenizer.ggml.eos_token_id", 2)
                .uint32("tokenizer.ggml.unknown_token_id", 0);
    }
}
