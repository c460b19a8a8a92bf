package io.archivesync.processor.errors;

import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a failed stream thread, after a backoff that grows while failures keep coming.
 *
 * <p>Why a backoff: a registry or broker outage fails every task at once; replacing the thread at once would spin,
 * replaying the same records against the same outage. Exactly-once makes the replacement read from the last commit,
 * so waiting loses nothing. A failure after a quiet spell starts again from the shortest delay.
 */
public final class ThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(ThreadReplacement.class);
    private static final Backoff BACKOFF = new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1),
            Duration.ofSeconds(30));
    private static final Duration QUIET = Duration.ofMinutes(2);

    private long lastFailureNanos;
    private int failuresInARow;

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        Duration delay = nextDelay(System.nanoTime());
        LOGGER.error("stream thread failed; replacing it delayMs={} failuresInARow={} infrastructure={} error={}",
                delay.toMillis(), failuresInARow, Faults.isInfrastructure(exception), exception.toString(), exception);
        Backoff.sleep(delay);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    synchronized Duration nextDelay(long nowNanos) {
        boolean quietSince = failuresInARow == 0 || nowNanos - lastFailureNanos > QUIET.toNanos();
        failuresInARow = quietSince ? 1 : failuresInARow + 1;
        lastFailureNanos = nowNanos;
        return BACKOFF.delayAfter(failuresInARow);
    }
}
