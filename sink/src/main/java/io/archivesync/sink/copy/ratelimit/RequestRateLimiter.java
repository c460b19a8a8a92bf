package io.archivesync.sink.copy.ratelimit;

import io.archivesync.core.config.RateLimitSettings;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One copier's cap on storage requests per second ({@code sink.rateLimit}): one {@link Pacer} for the copier and one
 * per configured prefix. A request is counted against exactly one of them, the longest prefix rule covering the
 * bucket and key it is addressed to, else the copier's own; a rule of 0 requests per second exempts its prefix.
 *
 * <p>Why permits per request rather than per copy: a copy's requests are not known before it runs (a skip check may
 * answer from a listing, a multipart copy has as many requests as parts, a retry repeats them), so only counting
 * each request where it is made holds the rate exactly. Waiting never blocks a thread of the async clients: a permit
 * that is not free yet is a future completed by this limiter's one timer thread.
 */
public final class RequestRateLimiter implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(RequestRateLimiter.class);
    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    /** A prefix rule and its pacer (null: exempt). */
    private record Rule(RateLimitSettings.PrefixRate rate, Pacer pacer) {
    }

    private final Pacer copier;
    private final List<Rule> rules;
    private final ScheduledThreadPoolExecutor timer;

    public RequestRateLimiter(RateLimitSettings settings) {
        this.copier = pacer(settings.requestsPerSecond());
        this.rules = settings.prefixes().stream()
                .sorted(Comparator.comparingInt((RateLimitSettings.PrefixRate p) -> p.prefix().length()).reversed())
                .map(p -> new Rule(p, pacer(p.requestsPerSecond())))
                .toList();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "archive-sync-rate-limit");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        LOGGER.info("storage request cap requestsPerSecond={} prefixRules={}", settings.requestsPerSecond(),
                rules.size());
    }

    /** Completes when one request to this bucket and key (or listing prefix) may be sent; never blocks. */
    public CompletableFuture<Void> permit(String bucket, String key) {
        long wait = waitNanos(bucket, key);
        if (wait == 0) {
            return NOW;
        }
        CompletableFuture<Void> permit = new CompletableFuture<>();
        timer.schedule(() -> permit.complete(null), wait, TimeUnit.NANOSECONDS);
        return permit;
    }

    /** Waits on the calling thread for one permit: only for the blocking clients, on the copier's own threads. */
    public void permitBlocking(String bucket, String key) {
        long wait = waitNanos(bucket, key);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a storage request permit", e);
            }
        }
    }

    private long waitNanos(String bucket, String key) {
        for (Rule rule : rules) {
            if (rule.rate().covers(bucket, key)) {
                return rule.pacer() == null ? 0 : rule.pacer().reserve(1);
            }
        }
        return copier == null ? 0 : copier.reserve(1);
    }

    private static Pacer pacer(double requestsPerSecond) {
        return requestsPerSecond > 0 ? new Pacer(requestsPerSecond, 0) : null;
    }

    @Override
    public void close() {
        timer.shutdown();
    }
}
