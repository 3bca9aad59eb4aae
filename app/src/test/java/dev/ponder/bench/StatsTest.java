package dev.ponder.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ponder.engine.Generation;

class StatsTest {

    @Test
    void anOddCountHasTheMiddleSampleAsItsMedianWhateverTheOrder() {
        Stats stats = Stats.of(30, 10, 50, 20, 1000);
        assertThat(stats).isEqualTo(new Stats(30, 10, 1000, 5));
    }

    @Test
    void anEvenCountHasTheMeanOfTheTwoMiddleSamples() {
        assertThat(Stats.of(4, 1, 3, 2).median()).isEqualTo(2.5);
    }

    @Test
    void oneSampleIsItsOwnMedianMinAndMax() {
        assertThat(Stats.of(List.of(7.0))).isEqualTo(new Stats(7, 7, 7, 1));
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDecodeRateLeavesTheFirstTokenOut() {
        // 101 tokens, the last one 0.1 s after the first: 100 tokens decoded in 0.1 s.
        assertThat(Generation.rate(101, 1_000_000_000L, 1_100_000_000L)).isCloseTo(1000, within(1e-6));
        assertThat(Generation.rate(1, 0, 0)).isZero();
    }
}
