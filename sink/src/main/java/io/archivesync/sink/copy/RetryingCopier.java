package io.archivesync.sink.copy;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.log.LogSafe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries transient failures (throttling, 5xx, timeouts, broken connections: {@link Results#retriable}) a bounded
 * number of times, waiting an exponentially growing, fully jittered delay between attempts; final failures (403, 404,
 * 400, a changed source) return at once. Each attempt runs under the {@link AdaptiveLimiter}, which it tells about
 * throttling that concerns the whole storage (all throttling, unless a {@link PrefixBackoff} deals with a prefix's
 * own). The result counts every attempt and every storage request of all attempts.
 */
public final class RetryingCopier implements Copier {

    private static final Logger LOGGER = LoggerFactory.getLogger(RetryingCopier.class);

    private final Copier inner;
    private final SinkSettings.Retry retry;
    private final AdaptiveLimiter limiter;
    private final Predicate<CopyResult> throttlesAll;

    public RetryingCopier(Copier inner, SinkSettings.Retry retry, AdaptiveLimiter limiter) {
        this(inner, retry, limiter, Results::throttled);
    }

    /** @param throttlesAll whether an attempt's result should lower the adaptive limit */
    public RetryingCopier(Copier inner, SinkSettings.Retry retry, AdaptiveLimiter limiter,
                          Predicate<CopyResult> throttlesAll) {
        this.inner = inner;
        this.retry = retry;
        this.limiter = limiter;
        this.throttlesAll = throttlesAll;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        return attempt(task, 1, 0, System.nanoTime());
    }

    private CompletableFuture<CopyResult> attempt(CopyTask task, int attempt, int requestsSoFar, long started) {
        FileSyncRequest request = task.request();
        task.clock().waitBegin();
        return limiter.acquire()
                .thenCompose(permit -> {
                    task.clock().waitEnd();
                    return Copiers.guarded(inner, task);
                })
                .thenApply(r -> {
                    limiter.release(throttlesAll.test(r));
                    return r;
                })
                .thenCompose(r -> {
                    int requests = requestsSoFar + r.getStorageRequests();
                    boolean retriable = Results.retriable(r);
                    if (!retriable || attempt >= retry.maxAttempts()) {
                        CopyResult.Builder b = CopyResult.newBuilder(Results.plus(r, 0, started))
                                .setAttempts(attempt)
                                .setStorageRequests(requests);
                        if (retriable) {
                            b.setErrorMessage(r.getErrorMessage() + " (gave up after " + attempt + " attempts)");
                        }
                        return CompletableFuture.completedFuture(b.build());
                    }
                    long delay = backoffMillis(attempt);
                    LOGGER.info("retrying copy source={} attempt={} of={} errorKind={} errorClass={} delayMs={}",
                            LogSafe.escape(request.getSource().getUri()), attempt + 1, retry.maxAttempts(),
                            r.getErrorKind(), r.getErrorClass(), delay);
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> attempt(task, attempt + 1, requests, started));
                });
    }

    /** Full jitter: a uniform wait between 0 and min(max, initial × 2^(attempt-1)). */
    long backoffMillis(int attempt) {
        long ceiling = Math.min(retry.maxBackoff().toMillis(),
                retry.initialBackoff().toMillis() << Math.min(attempt - 1, 30));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
}
