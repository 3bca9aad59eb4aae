package dev.ponder.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StreamingPulseTest {

    @Test
    void aQuickRenderingComesBackAtTheUsualInterval() {
        assertThat(StreamingPulse.renderInterval(Duration.ofMillis(5).toNanos()))
                .isEqualTo(Duration.ofMillis(StreamingPulse.RENDER_INTERVAL_MILLIS).toNanos());
    }

    @Test
    void aSlowRenderingWaitsLongerSoThatRenderingTakesAtMostItsShare() {
        assertThat(StreamingPulse.renderInterval(Duration.ofMillis(50).toNanos()))
                .isEqualTo(Duration.ofMillis(50L * StreamingPulse.RENDER_COST_SHARE).toNanos());
    }
}
