#!/usr/bin/env python3
"""Writes a qwen2 GGUF with random weights in the shape of a real reasoning model, for GPU benchmarks.

No model weights can be downloaded where Ponder's GPU benchmarks run, and decode speed depends on a model's shape
and quantization, not on what its weights learned. So this writes DeepSeek-R1-Distill-Qwen-1.5B's shape (or the
7B's) in F16 with random weights and the real Qwen2 tokenizer, copied from llama.cpp's models/ggml-vocab-qwen2.gguf;
llama-quantize then makes the Q4_K_M file that is measured (native/bench/gpu-bench.sh does both).

Needs llama.cpp's gguf-py on PYTHONPATH (from the same b4980 tree) and numpy.
"""
import argparse
import sys

import numpy as np
import gguf

# (layers, hidden, heads, kv heads, FFN): DeepSeek-R1-Distill-Qwen-1.5B and -7B (Qwen2.5-Math-1.5B / Qwen2.5-Math-7B
# underneath). Both use the tokenizer's 151,936 tokens here: the 7B pads its embedding to 152,064 rows, which
# llama.cpp would refuse without the padding tokens, and 0.1% more rows changes nothing measurable.
SHAPES = {
    "1.5b": (28, 1536, 12, 2, 8960),
    "7b": (28, 3584, 28, 4, 18944),
}
TRAINED_CONTEXT = 131072
ROPE_BASE = 10000.0
RMS_EPS = 1e-6
WEIGHT_STD = 0.02


def copy_tokenizer(vocab_path, writer):
    reader = gguf.GGUFReader(vocab_path)

    def value(key):
        return reader.fields[key].contents()

    writer.add_tokenizer_model(value("tokenizer.ggml.model"))
    writer.add_tokenizer_pre(value("tokenizer.ggml.pre"))
    tokens = value("tokenizer.ggml.tokens")
    writer.add_token_list(tokens)
    writer.add_token_types(value("tokenizer.ggml.token_type"))
    writer.add_token_merges(value("tokenizer.ggml.merges"))
    writer.add_bos_token_id(value("tokenizer.ggml.bos_token_id"))
    writer.add_eos_token_id(value("tokenizer.ggml.eos_token_id"))
    writer.add_pad_token_id(value("tokenizer.ggml.padding_token_id"))
    writer.add_chat_template(value("tokenizer.chat_template"))
    return len(tokens)


class RandomPool:
    """Random F16 weights handed out as views of one pool: drawing billions of fresh numbers would take minutes, and
    which random numbers a weight holds does not change how fast it decodes."""

    def __init__(self, size, seed):
        rng = np.random.default_rng(seed)
        self.values = (rng.standard_normal(size, dtype=np.float32) * WEIGHT_STD).astype(np.float16)
        self.rng = rng

    def take(self, *shape):
        count = int(np.prod(shape))
        start = int(self.rng.integers(0, len(self.values) - count + 1))
        return self.values[start:start + count].reshape(shape)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), required=True)
    parser.add_argument("--vocab", required=True, help="llama.cpp's models/ggml-vocab-qwen2.gguf")
    parser.add_argument("--out", required=True, help="the F16 GGUF to write")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    layers, hidden, heads, kv_heads, ffn = SHAPES[args.shape]
    kv_width = hidden // heads * kv_heads
    writer = gguf.GGUFWriter(args.out, "qwen2")
    writer.add_name(f"random-qwen2-{args.shape}")
    writer.add_block_count(layers)
    writer.add_context_length(TRAINED_CONTEXT)
    writer.add_embedding_length(hidden)
    writer.add_feed_forward_length(ffn)
    writer.add_head_count(heads)
    writer.add_head_count_kv(kv_heads)
    writer.add_rope_freq_base(ROPE_BASE)
    writer.add_layer_norm_rms_eps(RMS_EPS)
    writer.add_file_type(gguf.LlamaFileType.MOSTLY_F16)
    vocab = copy_tokenizer(args.vocab, writer)

    # numpy shapes are ggml's reversed: (rows, columns) = (output width, input width).
    pool = RandomPool(vocab * hidden, args.seed)
    ones = np.ones(hidden, dtype=np.float32)
    writer.add_tensor("token_embd.weight", pool.take(vocab, hidden))
    for i in range(layers):
        block = f"blk.{i}"
        writer.add_tensor(f"{block}.attn_norm.weight", ones)
        writer.add_tensor(f"{block}.attn_q.weight", pool.take(hidden, hidden))
        writer.add_tensor(f"{block}.attn_q.bias", np.zeros(hidden, dtype=np.float32))
        writer.add_tensor(f"{block}.attn_k.weight", pool.take(kv_width, hidden))
        writer.add_tensor(f"{block}.attn_k.bias", np.zeros(kv_width, dtype=np.float32))
        writer.add_tensor(f"{block}.attn_v.weight", pool.take(kv_width, hidden))
        writer.add_tensor(f"{block}.attn_v.bias", np.zeros(kv_width, dtype=np.float32))
        writer.add_tensor(f"{block}.attn_output.weight", pool.take(hidden, hidden))
        writer.add_tensor(f"{block}.ffn_norm.weight", ones)
        writer.add_tensor(f"{block}.ffn_gate.weight", pool.take(ffn, hidden))
        writer.add_tensor(f"{block}.ffn_up.weight", pool.take(ffn, hidden))
        writer.add_tensor(f"{block}.ffn_down.weight", pool.take(hidden, ffn))
    writer.add_tensor("output_norm.weight", ones)
    writer.add_tensor("output.weight", pool.take(vocab, hidden))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    print(f"wrote {args.out}: qwen2 {args.shape}, {layers} layers, hidden {hidden}, {heads}/{kv_heads} heads, "
          f"FFN {ffn}, vocab {vocab}", file=sys.stderr)


if __name__ == "__main__":
    main()
