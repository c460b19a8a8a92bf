package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.core.config.RateLimitSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A prefix the storage throttles is slowed down on its own; the rest keep their speed. */
class PrefixBackoffTest {

    private static final long MS = 1_000_000L;

    private final PrefixBackoff backoff = new PrefixBackoff(
            new RateLimitSettings.PrefixBackoff(Duration.ofMillis(100), Duration.ofMillis(800)));

    @Test
    void shouldDelayCopiesUnderTheThrottledPrefixOnlyWithoutHoldingThem() {
        // Given a strategy that throttles the first attempt under hot/ and copies everything else
        int[] calls = new int[1];
        Copier strategy = task -> {
            boolean hot = task.request().getDestination().getKey().startsWith("hot/") && calls[0]++ == 0;
            return CompletableFuture.completedFuture(result(task, hot));
        };
        Copier copier = backoff.gate(backoff.observe(strategy));
        assertThat(copier.copy(task("hot/1.zip")).join().getErrorKind()).isEqualTo(ErrorKind.THROTTLED);

        // When a copy under the hot prefix and one under another prefix start together
        long started = System.nanoTime();
        CompletableFuture<CopyResult> hot = copier.copy(task("hot/2.zip"));
        CopyResult cold = copier.copy(task("cold/1.zip")).join();

        // Then the other prefix's copy ran at once, and the hot prefix's waited for its turn
        assertThat(cold.getOutcome()).isEqualTo(CopyOutcome.COPIED);
        assertThat(hot).isNotDone();
        Awaitility.await().atMost(2, TimeUnit.SECONDS).until(hot::isDone);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(40 * MS);
        assertThat(hot.join().getOutcome()).isEqualTo(CopyOutcome.COPIED);
    }

    @Test
    void shouldGrowTheDelayWhileThrottledUpToTheMaximumAndDecayOnSuccess() {
        // Given a prefix throttled once
        String prefix = "m/hot/";
        backoff.record(prefix, true, 0);
        assertThat(backoff.delayNanos(prefix)).isEqualTo(100 * MS);

        // When it is throttled again and again, a delay apart
        long now = 0;
        for (int i = 0; i < 6; i++) {
            now += backoff.delayNanos(prefix);
            backoff.record(prefix, true, now);
        }

        // Then the delay doubled up to the maximum; answers within one delay count once
        assertThat(backoff.delayNanos(prefix)).isEqualTo(800 * MS);
        backoff.record(prefix, true, now + 1);
        assertThat(backoff.delayNanos(prefix)).isEqualTo(800 * MS);

        // And successes shrink it, a quarter at a time, until the prefix is back at full speed
        now += 800 * MS;
        backoff.record(prefix, false, now);
        assertThat(backoff.delayNanos(prefix)).isEqualTo(600 * MS);
        for (int i = 0; i < 10 && backoff.delayNanos(prefix) > 0; i++) {
            now += backoff.delayNanos(prefix);
            backoff.record(prefix, false, now);
        }
        assertThat(backoff.delayNanos(prefix)).isZero();
        assertThat(backoff.turn(prefix)).isZero();
    }

    @Test
    void shouldSpaceCopiesUnderASlowedPrefixByAJitteredDelay() {
        // Given a prefix slowed to 100 ms
        backoff.record("m/hot/", true);

        // When three copies ask for their turn at once
        long first = backoff.turn("m/hot/");
        long second = backoff.turn("m/hot/");
        long third = backoff.turn("m/hot/");

        // Then each starts between half and all of the delay after the one before
        assertThat(second - first).isBetween(50 * MS - MS, 100 * MS);
        assertThat(third - second).isBetween(50 * MS - MS, 100 * MS);
    }

    @Test
    void shouldLowerTheWholeConcurrencyOnlyWhenSeveralPrefixesAreThrottled() {
        // Given a throttled result under one prefix
        CopyResult throttled = result(task("a/1.zip"), true);
        backoff.record("m/a/", true);

        // When / Then one hot prefix is its own business; two mean the storage is overloaded
        assertThat(backoff.throttlesAll(throttled)).isFalse();
        backoff.record("m/b/", true);
        assertThat(backoff.throttlesAll(throttled)).isTrue();
        assertThat(backoff.throttlesAll(result(task("a/2.zip"), false))).isFalse();
    }

    @Test
    void shouldLeaveEverythingToTheAdaptiveLimitWhenTurnedOff() {
        // Given a backoff with no initial delay
        PrefixBackoff off = new PrefixBackoff(
                new RateLimitSettings.PrefixBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        Copier strategy = task -> CompletableFuture.completedFuture(result(task, true));

        // When / Then its decorators are the strategy itself, and any throttling lowers the whole concurrency
        assertThat(off.gate(strategy)).isSameAs(strategy);
        assertThat(off.observe(strategy)).isSameAs(strategy);
        assertThat(off.throttlesAll(result(task("a/1.zip"), true))).isTrue();
    }

    private static CopyTask task(String key) {
        return CopyTask.of(Requests.copy("s3://src/" + key, "m", key).build(), "b");
    }

    private static CopyResult result(CopyTask task, boolean throttled) {
        if (throttled) {
            return Results.failed(task.request(), task.batchId(), System.nanoTime(),
                    FaultInjectingCopier.Fault.SLOW_DOWN.outcome(), ErrorKind.THROTTLED, "SlowDown", "slow down", 1);
        }
        return Results.base(task.request(), task.batchId(), System.nanoTime()).setOutcome(CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE).setMethodReason("test").setStorageRequests(1).build();
    }
}
