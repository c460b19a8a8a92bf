package io.archivesync.processor.errors;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, bounded in attempts and delay.
 *
 * @param attempts how many times to try in all (at least 1)
 * @param initial  the delay before the second attempt
 * @param max      the largest delay
 */
public record Backoff(int attempts, Duration initial, Duration max) {

    /**
     * In a stream thread: about 1.5 s at most in all, well inside the 10 s transaction timeout Streams sets under
     * exactly-once and the poll interval, so a blip is absorbed and an outage soon fails the task instead.
     */
    public static final Backoff IN_STREAM_THREAD = new Backoff(4, Duration.ofMillis(100), Duration.ofMillis(800));

    public Backoff {
        if (attempts < 1 || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs attempts >= 1 and 0 <= initial <= max");
        }
    }

    /** The delay after failed attempt {@code attempt} (1-based): random in [delay/2, delay]. */
    public Duration delayAfter(int attempt) {
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    /** Sleeps, keeping the interrupt for the caller. */
    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
