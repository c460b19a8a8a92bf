package io.archivesync.sink.copy;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many storage attempts may run at once, adjusted to what the storage tolerates: halved when it throttles (503
 * SlowDown), raised by one after a limit's worth of successes, between 1 and the configured maximum
 * ({@code sink.concurrency}). Additive increase, multiplicative decrease, as TCP does, so a throttled copier backs off
 * quickly and recovers steadily. Waiting is async: a waiter is a future, no thread blocks.
 */
public final class AdaptiveLimiter {

    private static final Logger LOGGER = LoggerFactory.getLogger(AdaptiveLimiter.class);
    /** Throttling seen within this window counts once, so one burst of 503s halves the limit once. */
    private static final long DECREASE_GAP_NANOS = 200_000_000L;

    private final int max;
    private final Queue<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int limit;
    private int inFlight;
    private int successes;
    private long lastDecrease;

    public AdaptiveLimiter(int max) {
        this.max = max;
        this.limit = max;
    }

    /** Completes when an attempt may start; the caller must {@link #release} once it is done. */
    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (inFlight < limit) {
                inFlight++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    /** @param throttled whether the attempt was throttled by the storage */
    public void release(boolean throttled) {
        Queue<CompletableFuture<Void>> ready = new ArrayDeque<>();
        synchronized (this) {
            inFlight--;
            long now = System.nanoTime();
            if (throttled) {
                successes = 0;
                if (now - lastDecrease > DECREASE_GAP_NANOS && limit > 1) {
                    limit = Math.max(1, limit / 2);
                    lastDecrease = now;
                    LOGGER.info("storage throttling, concurrency lowered limit={}", limit);
                }
            } else if (limit < max && ++successes >= limit) {
                limit++;
                successes = 0;
            }
            while (inFlight < limit && !waiters.isEmpty()) {
                inFlight++;
                ready.add(waiters.poll());
            }
        }
        ready.forEach(w -> w.complete(null));
    }

    public synchronized int limit() {
        return limit;
    }
}
