package dev.ponder.engine.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How often and how long to wait when a server says "not now": 429 (rate-limited) or 503 (busy, or still loading
 * its model). The server's {@code Retry-After} is followed when it gives one; otherwise the wait doubles from
 * {@code firstWait}. A server that asks for a longer wait than {@code longestWait} is not waited for: the user hears
 * at once instead of watching a frozen reply.
 *
 * @param attempts tries in all, the first included
 */
record RetryPolicy(int attempts, Duration firstWait, Duration longestWait) {

    static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60));

    RetryPolicy {
        if (attempts < 1 || firstWait.isNegative() || longestWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("invalid retry policy: " + attempts + " attempts, " + firstWait + ", "
                    + longestWait);
        }
    }

    static boolean retriable(int status) {
        return status == 429 || status == 503;
    }

    /**
     * The wait before try {@code attempt + 1} after try {@code attempt} (from 1) was refused, or empty when there is
     * to be no further try.
     */
    Optional<Duration> waitAfter(int attempt, Optional<String> retryAfter, Instant now) {
        if (attempt >= attempts) {
            return Optional.empty();
        }
        Duration wait = retryAfter.flatMap(value -> parseRetryAfter(value, now))
                .orElse(firstWait.multipliedBy(1L << Math.min(attempt - 1, 20)));
        return wait.compareTo(longestWait) > 0 ? Optional.empty() : Optional.of(wait);
    }

    /** {@code Retry-After} as RFC 9110 gives it: whole seconds, or an HTTP date. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
