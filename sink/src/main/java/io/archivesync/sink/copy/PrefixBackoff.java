package io.archivesync.sink.copy;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.RateLimitSettings;
import io.archivesync.core.log.LogSafe;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down only the prefix the storage throttles ({@code sink.rateLimit.prefixBackoff}). S3 scales request rates
 * per prefix, so a 503 SlowDown says "this prefix is hot", not "the account is": one hot prefix should not halve
 * every other prefix's speed, as the copier-wide {@link AdaptiveLimiter} alone would.
 *
 * <p>A throttled attempt under a prefix (destination bucket and key up to its last {@code /}) sets a delay for it,
 * doubling on further throttling up to the maximum; copies under that prefix then start at least a jittered delay
 * (between half and all of it) apart, without holding a concurrency permit while they wait. Successful attempts
 * shrink the delay by a quarter; below the initial delay the prefix is at full speed again. The delay changes at
 * most once per delay, so a burst of answers to copies that were already in flight counts once. Only
 * when more than one prefix is backing off at once is the throttling taken as the storage's as a whole, and passed
 * to the adaptive limit ({@link #throttlesAll}).
 *
 * <p>Two decorators share this state: {@link #gate} in front of a copy (waits for the prefix's turn) and
 * {@link #observe} under the retries (learns from every attempt).
 */
public final class PrefixBackoff {

    private static final Logger LOGGER = LoggerFactory.getLogger(PrefixBackoff.class);

    /** A prefix backing off: its current delay and when its next copy may start. */
    private static final class Slowed {
        long delayNanos;
        long nextStart;
        long changed;
    }

    private final long initialNanos;
    private final long maxNanos;
    private final Map<String, Slowed> slowed = new HashMap<>();

    public PrefixBackoff(RateLimitSettings.PrefixBackoff settings) {
        this.initialNanos = settings.initialDelay().toNanos();
        this.maxNanos = settings.maxDelay().toNanos();
    }

    /** The prefix a request is throttled under: destination bucket and the key up to its last '/'. */
    static String prefixOf(FileSyncRequest request) {
        String key = request.getDestination().getKey();
        return request.getDestination().getBucket() + "/" + key.substring(0, key.lastIndexOf('/') + 1);
    }

    /** Runs copies under a backing-off prefix no closer together than its delay; others at once. */
    public Copier gate(Copier inner) {
        if (initialNanos == 0) {
            return inner;
        }
        return task -> {
            long wait = turn(prefixOf(task.request()));
            if (wait == 0) {
                return inner.copy(task);
            }
            task.clock().waitBegin();
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS))
                    .thenCompose(ignored -> {
                        task.clock().waitEnd();
                        return Copiers.guarded(inner, task);
                    });
        };
    }

    /** Learns from every attempt of the strategy it wraps: throttled or not, under which prefix. */
    public Copier observe(Copier inner) {
        if (initialNanos == 0) {
            return inner;
        }
        return task -> Copiers.guarded(inner, task).thenApply(result -> {
            record(prefixOf(task.request()), Results.throttled(result));
            return result;
        });
    }

    /**
     * Whether a throttled result should lower the copier's whole concurrency: always without per-prefix backoff;
     * with it, only when more than one prefix is backing off (the storage, not one prefix, is overloaded).
     */
    public boolean throttlesAll(CopyResult result) {
        if (!Results.throttled(result)) {
            return false;
        }
        if (initialNanos == 0) {
            return true;
        }
        synchronized (this) {
            return slowed.size() > 1;
        }
    }

    /** How long the next copy under the prefix must wait, reserving its start; 0 for a prefix at full speed. */
    synchronized long turn(String prefix) {
        Slowed s = slowed.get(prefix);
        if (s == null) {
            return 0;
        }
        long now = System.nanoTime();
        long start = Math.max(now, s.nextStart);
        s.nextStart = start + s.delayNanos / 2 + ThreadLocalRandom.current().nextLong(s.delayNanos / 2 + 1);
        return start - now;
    }

    synchronized void record(String prefix, boolean throttled) {
        record(prefix, throttled, System.nanoTime());
    }

    synchronized void record(String prefix, boolean throttled, long now) {
        Slowed s = slowed.get(prefix);
        if (throttled && s == null) {
            s = new Slowed();
            s.delayNanos = initialNanos;
            s.nextStart = now + initialNanos;
            s.changed = now;
            slowed.put(prefix, s);
            LOGGER.info("storage throttling under prefix, slowing it down prefix={} delayMs={}",
                    LogSafe.escape(prefix), TimeUnit.NANOSECONDS.toMillis(s.delayNanos));
        } else if (s == null || now - s.changed < s.delayNanos) {
            return;
        } else if (throttled) {
            s.delayNanos = Math.min(maxNanos, s.delayNanos * 2);
            s.changed = now;
            LOGGER.info("storage throttling under prefix, slowing it down prefix={} delayMs={}",
                    LogSafe.escape(prefix), TimeUnit.NANOSECONDS.toMillis(s.delayNanos));
        } else {
            s.delayNanos -= s.delayNanos / 4;
            s.changed = now;
            if (s.delayNanos < initialNanos) {
                slowed.remove(prefix);
                LOGGER.info("prefix back at full speed prefix={}", LogSafe.escape(prefix));
            }
        }
    }

    /** The current delay of a prefix, 0 at full speed. */
    synchronized long delayNanos(String prefix) {
        Slowed s = slowed.get(prefix);
        return s == null ? 0 : s.delayNanos;
    }
}
