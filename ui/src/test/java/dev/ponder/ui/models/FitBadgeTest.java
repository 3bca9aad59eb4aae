package dev.ponder.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ponder.models.fit.FitPlan;
import dev.ponder.models.fit.MemoryEstimate;
import dev.ponder.models.fit.Verdict;

/** The planner's verdicts in the few words of a badge, with its reasons behind. */
class FitBadgeTest {

    private static final MemoryEstimate FIVE_GIB = new MemoryEstimate(4L << 30, 1L << 29, 1L << 28, 1L << 28);

    private static FitPlan plan(Verdict verdict, int gpuLayers, Double tokensPerSecond) {
        return new FitPlan(verdict, gpuLayers, 48, 4096, FIVE_GIB, 0, FIVE_GIB.totalBytes(), "Test GPU",
                tokensPerSecond);
    }

    @Test
    void eachVerdictHasItsWordsAndColour() {
        assertThat(FitBadge.of(plan(Verdict.FITS_ON_GPU, 49, null)))
                .extracting(FitBadge::text, FitBadge::styleClass).containsExactly("fits on GPU", "fit-gpu");
        assertThat(FitBadge.of(plan(Verdict.GPU_AND_CPU, 20, null)))
                .extracting(FitBadge::text, FitBadge::styleClass)
                .containsExactly("GPU + CPU: 20 of 48 layers", "fit-split");
        assertThat(FitBadge.of(plan(Verdict.CPU_ONLY, 0, 7.34)))
                .extracting(FitBadge::text, FitBadge::styleClass).containsExactly("CPU only, ~7.3 tok/s", "fit-cpu");
        assertThat(FitBadge.of(plan(Verdict.TOO_BIG, 0, null)))
                .extracting(FitBadge::text, FitBadge::styleClass).containsExactly("too big", "fit-too-big");
    }

    @Test
    void everyLayerOnTheGpuButTheOutputIsStillASplit() {
        assertThat(FitBadge.of(plan(Verdict.GPU_AND_CPU, 48, null)).text()).isEqualTo("GPU + CPU: output on CPU");
    }

    @Test
    void speedsAreRoundedToWhatMattersAndAnUnknownSpeedIsNotGuessed() {
        assertThat(FitBadge.of(plan(Verdict.CPU_ONLY, 0, 23.7)).text()).isEqualTo("CPU only, ~24 tok/s");
        assertThat(FitBadge.of(plan(Verdict.CPU_ONLY, 0, null)).text()).isEqualTo("CPU only");
    }

    @Test
    void theTooltipGivesThePlannersReasonAndTheMemoryItAddsUpTo() {
        String why = FitBadge.of(plan(Verdict.TOO_BIG, 0, null)).explanation();
        assertThat(why).startsWith("too big: needs 5.0 GiB at 4096 tokens of context")
                .contains("Needs 5.0 GiB at 4,096 tokens of context: weights 4.0 GiB, KV cache 512.0 MiB, "
                        + "compute 512.0 MiB.");
    }

    @Test
    void aFileOfUnknownSizeIsNotPlanned() {
        FitBadge badge = FitBadge.of(null);
        assertThat(badge.text()).isEqualTo("size not verified");
        assertThat(badge.styleClass()).isEqualTo("fit-unknown");
        assertThat(badge.explanation()).contains("Download it");
    }
}
