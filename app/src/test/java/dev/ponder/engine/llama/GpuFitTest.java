package dev.ponder.engine.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.ponder.engine.KvCacheType;
import dev.ponder.models.GgufInfo;

class GpuFitTest {

    private static final long GIB = 1L << 30;

    /** DeepSeek-R1-Distill-Qwen-1.5B at Q4_K_M: 28 blocks, 1536 wide, 12/2 heads, 1.04 GiB of tensors. */
    private static final GgufInfo R1_1_5B = new GgufInfo(Path.of("/m/r1.gguf"), 1_117_318_304L, 3, 339, 26, "qwen2",
            null, 131072, 28, 12, 2, 1536, "Q4_K_M", null, 1_777_088_000L, 1_116_000_000L, 151936, 128, 128, 0, 0,
            0, 0, false, 0);

    @Test
    void aModelThatFitsGoesToTheGpuWholeWithItsOutputLayer() {
        assertThat(GpuFit.layers(8 * GIB, R1_1_5B, 4096, KvCacheType.F16)).isEqualTo(29);
    }

    @Test
    void aSmallGpuTakesAShareAndNoneWhenTheMarginIsAllItHas() {
        int layers = GpuFit.layers(GIB, R1_1_5B, 4096, KvCacheType.F16);
        assertThat(layers).isBetween(1, 28);
        assertThat(GpuFit.layers(GpuFit.MARGIN_BYTES, R1_1_5B, 4096, KvCacheType.F16)).isZero();
    }

    @Test
    void theKvCacheGrowsWithTheContextAndShrinksWhenQuantized() {
        // 2 (K and V) x 28 layers x 4096 positions x 256 (2 KV heads of 128) x 2 bytes = 112 MiB
        assertThat(GpuFit.kvCacheBytes(R1_1_5B, 4096, KvCacheType.F16)).isEqualTo(112L << 20);
        assertThat(GpuFit.kvCacheBytes(R1_1_5B, 4096, KvCacheType.Q8_0))
                .isLessThan(GpuFit.kvCacheBytes(R1_1_5B, 4096, KvCacheType.F16) * 55 / 100);
    }
}
