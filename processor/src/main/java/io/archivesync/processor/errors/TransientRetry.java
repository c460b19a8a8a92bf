package io.archivesync.processor.errors;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a call in place while it fails with an infrastructure fault ({@link Faults#isInfrastructure}), then gives
 * up with a {@link TransientFaultException}; a record's own fault is thrown at once, untouched.
 */
public final class TransientRetry {

    private static final Logger LOGGER = LoggerFactory.getLogger(TransientRetry.class);

    private final Backoff backoff;

    public TransientRetry(Backoff backoff) {
        this.backoff = backoff;
    }

    /** The call's result, retried with backoff through infrastructure faults. */
    public <T> T call(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!Faults.isInfrastructure(e)) {
                    throw e;
                }
                if (attempt >= backoff.attempts() || Thread.currentThread().isInterrupted()) {
                    throw new TransientFaultException("cannot " + what + " after " + attempt + " attempts: " + e, e);
                }
                LOGGER.warn("infrastructure fault, retrying what={} attempt={} error={}", what, attempt, e.toString());
                Backoff.sleep(backoff.delayAfter(attempt));
            }
        }
    }
}
