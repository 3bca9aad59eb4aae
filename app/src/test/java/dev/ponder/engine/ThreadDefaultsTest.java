package dev.ponder.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThreadDefaultsTest {

    @Test
    void hyperThreadsOfOneCoreCountOnce() {
        List<String> twoCoresFourThreads = List.of(
                "processor : 0", "physical id : 0", "core id : 0",
                "processor : 1", "physical id : 0", "core id : 1",
                "processor : 2", "physical id : 0", "core id : 0",
                "processor : 3", "physical id : 0", "core id : 1");
        assertThat(ThreadDefaults.countPhysicalCores(twoCoresFourThreads)).isEqualTo(2);
    }

    @Test
    void coresOfTwoSocketsAreDistinct() {
        List<String> twoSockets = List.of(
                "physical id : 0", "core id : 0",
                "physical id : 1", "core id : 0");
        assertThat(ThreadDefaults.countPhysicalCores(twoSockets)).isEqualTo(2);
    }

    @Test
    void oneCoreIsLeftToTheAppButNeverTheLast() {
        assertThat(ThreadDefaults.decodeThreads()).isBetween(1, Math.max(1, ThreadDefaults.physicalCores() - 1));
    }
}
