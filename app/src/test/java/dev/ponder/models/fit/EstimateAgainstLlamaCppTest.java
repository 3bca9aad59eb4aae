package dev.ponder.models.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.models.GgufInfo;
import dev.ponder.testing.SharedModel;
import dev.ponder.testing.SyntheticModel;
import dev.ponder.testing.fit.LlamaLoad;
import dev.ponder.testing.fit.LlamaMemoryReport;

/**
 * The planner's estimate against what llama.cpp itself reports allocating when it loads the same file on the CPU:
 * the real stories260K, and a file of DeepSeek-R1-Distill-Qwen-1.5B's shape with zero weights (sparse, so cheap).
 * On the GPU the same comparison is {@link dev.ponder.testing.fit.GpuPlannerReport}, run on the device machine.
 */
class EstimateAgainstLlamaCppTest {

    private static final double MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void stories260KAsLlamaCppLoadsIt() throws Exception {
        assertEstimateMatches(SharedModel.stories260K(), 2048);
    }

    @Test
    void aQwen15BShapeAsLlamaCppLoadsIt() throws Exception {
        assertEstimateMatches(SyntheticModel.QWEN2_1_5B.write(dir.resolve("qwen.gguf")), 4096);
    }

    private static void assertEstimateMatches(Path model, int context) throws Exception {
        MemoryEstimate ours = MemoryEstimator.estimate(ModelShape.of(GgufInfo.read(model)), context, 1);
        LlamaMemoryReport llama = LlamaMemoryReport.parse(LlamaLoad.log(model, context));

        // The KV cache follows one rule exactly; the compute buffer depends on llama.cpp's allocator: 2% of room.
        assertThat(ours.kvBytes() / MIB).isCloseTo(llama.kvMiB(), within(0.01));
        assertThat(ours.totalBytes() / MIB).isCloseTo(llama.totalMiB(), within(llama.totalMiB() * 0.02));
    }
}
