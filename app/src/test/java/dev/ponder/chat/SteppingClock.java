package dev.ponder.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second on every read, so "newest first" never depends on timing. */
final class SteppingClock extends Clock {

    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.addAndGet(1000));
    }
}
