package io.archivesync.processor.batch;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks every batching processor of an instance to close its open batches at the next wall-clock tick, whatever
 * their age: how a stopping processor flushes its batches (Streams cannot forward records from {@code close()}).
 */
public final class BatchDrain {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    boolean requested() {
        return requested.get();
    }
}
