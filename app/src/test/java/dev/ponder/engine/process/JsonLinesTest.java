package dev.ponder.engine.process;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class JsonLinesTest {

    /** The warm-up runs on a thread nobody watches: a message it cannot build or send back would end it silently. */
    @Test
    void everyMessageTheWarmUpSendsComesBackTheSame() {
        assertThatCode(() -> JsonLines.roundTrips(3)).doesNotThrowAnyException();
    }
}
