package dev.ponder.models.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.models.GgufInfo;
import dev.ponder.testing.SyntheticModel;

/**
 * The estimate for hand-made GGUF headers of real shapes at 4096 tokens of context. The expected bytes are worked out
 * by hand from the tensor shapes (Q4_K: 144 bytes per 256 weights, Q6_K: 210) and llama.cpp's buffer rules; the
 * 1.5B and 7B weights and KV caches are exactly what llama.cpp reported loading the same files (PlannerBenchmark).
 */
class MemoryEstimatorTest {

    @TempDir
    Path dir;

    private ModelShape shape(SyntheticModel model) throws Exception {
        return ModelShape.of(GgufInfo.read(model.write(dir.resolve("model.gguf"))));
    }

    @Test
    void qwen15B() throws Exception {
        MemoryEstimate estimate = MemoryEstimator.estimate(shape(SyntheticModel.QWEN2_1_5B), 4096, 1);

        assertThat(estimate.weightBytes()).isEqualTo(1_060_276_736L); // 1011.16 MiB in llama.cpp's log
        // 28 layers × 4096 cells × 2 KV heads × (128 + 128) × 2 bytes
        assertThat(estimate.kvBytes()).isEqualTo(117_440_512L);
        // the logits dominate: 151936 × 512 × 4, plus two 1536 × 512 f32 hidden states
        assertThat(estimate.computeBytes()).isEqualTo(151_936L * 512 * 4 + 2 * 1536 * 512 * 4);
        assertThat(estimate.outputBytes()).isEqualTo(151_936L * 4);
        // 1,024-token micro-batches: the same graph twice as tall
        assertThat(MemoryEstimator.estimate(shape(SyntheticModel.QWEN2_1_5B), 4096, 1, MemoryEstimator.F16_CACHE,
                1024).computeBytes()).isEqualTo(151_936L * 1024 * 4 + 2 * 1536 * 1024 * 4);
    }

    @Test
    void qwen7B() throws Exception {
        MemoryEstimate estimate = MemoryEstimator.estimate(shape(SyntheticModel.QWEN2_7B), 4096, 1);

        assertThat(estimate.weightBytes()).isEqualTo(4_425_437_184L); // 4220.43 MiB
        assertThat(estimate.kvBytes()).isEqualTo(234_881_024L); // 28 × 4096 × 4 × 256 × 2
        assertThat(estimate.computeBytes()).isEqualTo(326_107_136L);
    }

    @Test
    void llama70B() throws Exception {
        MemoryEstimate estimate = MemoryEstimator.estimate(shape(SyntheticModel.LLAMA_70B), 4096, 1);

        assertThat(estimate.weightBytes()).isEqualTo(39_961_870_336L);
        assertThat(estimate.kvBytes()).isEqualTo(1_342_177_280L); // 80 × 4096 × 8 × 256 × 2
        // attention dominates: (64 heads + the mask) × 4096 × 512 × 4, plus four 8192 × 512 f32 hidden states
        assertThat(estimate.computeBytes()).isEqualTo(65L * 4096 * 512 * 4 + 4L * 8192 * 512 * 4);
    }

    @Test
    void mixtureOfExpertsReadsOnlyItsExpertsPerToken() throws Exception {
        ModelShape moe = shape(SyntheticModel.SMALL_MOE);

        assertThat(moe.weightBytes()).isEqualTo(227_309_568L);
        assertThat(moe.expertBytes()).isEqualTo(169_869_312L); // 8 layers × 3 × (1024 × 1536 × 8) Q4_K weights
        // all the weights but the 6 unused experts of 8, with the output head
        assertThat(moe.bytesReadPerToken()).isEqualTo(227_309_568L - 18_432_000L - 169_869_312L * 6 / 8);
        assertThat(MemoryEstimator.kvBytes(moe, 4096, MemoryEstimator.F16_CACHE)).isEqualTo(33_554_432L);
    }

    @Test
    void theContextIsRoundedUpToWholeBlocksOfCells() throws Exception {
        ModelShape qwen = shape(SyntheticModel.QWEN2_1_5B);

        assertThat(MemoryEstimator.kvBytes(qwen, 4000, MemoryEstimator.F16_CACHE))
                .isEqualTo(MemoryEstimator.kvBytes(qwen, 4096, MemoryEstimator.F16_CACHE));
        assertThat(MemoryEstimator.kvBytes(qwen, 4097, MemoryEstimator.F16_CACHE))
                .isEqualTo(MemoryEstimator.kvBytes(qwen, 4352, MemoryEstimator.F16_CACHE));
    }
}
