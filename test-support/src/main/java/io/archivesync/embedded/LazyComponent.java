package io.archivesync.embedded;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part of the {@link Stack}: started on first use, at most once until closed.
 *
 * <p>Why lazy: a test that needs only S3 should not pay for a Kafka broker and a registry JVM.
 */
final class LazyComponent<T> {

    private static final Logger LOGGER = LoggerFactory.getLogger(LazyComponent.class);

    /**
     * A started (or external) component.
     *
     * @param value   what callers get: an address or an endpoint record
     * @param source  where it came from, for the log: {@code embedded}, {@code external}, {@code testcontainers}
     * @param address where it listens, for the log (no secrets)
     * @param stopper stops it; does nothing for external components
     */
    record Running<T>(T value, String source, String address, AutoCloseable stopper) {

        static <T> Running<T> external(T value, String address) {
            return new Running<>(value, "external", address, () -> { });
        }
    }

    private final String name;
    private final Supplier<Running<T>> starter;
    private Running<T> running;

    LazyComponent(String name, Supplier<Running<T>> starter) {
        this.name = name;
        this.starter = starter;
    }

    /** The running component's value, starting it first if need be; a failed start is retried on the next call. */
    synchronized T get() {
        if (running == null) {
            running = starter.get();
            LOGGER.info("Stack component ready component={} source={} address={}",
                    name, running.source(), running.address());
        }
        return running.value();
    }

    synchronized boolean isRunning() {
        return running != null;
    }

    /** Stops the component if it was started; a later {@link #get()} starts a new one. */
    synchronized void close() {
        if (running == null) {
            return;
        }
        Running<T> stopping = running;
        running = null;
        try {
            stopping.stopper().close();
            LOGGER.info("Stack component stopped component={} source={}", name, stopping.source());
        } catch (Exception e) {
            LOGGER.warn("Stack component did not stop cleanly component={} source={}", name, stopping.source(), e);
        }
    }
}
