package dev.ponder.download;

import java.time.Duration;
import java.util.ArrayDeque;

/** The speed over the last few seconds, so that a stall or a burst shows soon but one slow read does not. */
final class SpeedMeter {

    private static final long WINDOW_NANOS = 5_000_000_000L;

    private record Sample(long nanos, long bytes) {
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    void add(long nanos, long bytes) {
        samples.addLast(new Sample(nanos, bytes));
        while (samples.size() > 2 && nanos - samples.getFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    void reset() {
        samples.clear();
    }

    double bytesPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        long nanos = last.nanos() - first.nanos();
        return nanos <= 0 ? 0 : (last.bytes() - first.bytes()) * 1e9 / nanos;
    }

    /** At the current speed, or null when there is none yet. */
    Duration timeLeft(long remainingBytes) {
        double speed = bytesPerSecond();
        if (speed <= 0 || remainingBytes < 0) {
            return null;
        }
        return Duration.ofMillis((long) Math.ceil(remainingBytes / speed * 1000));
    }
}
