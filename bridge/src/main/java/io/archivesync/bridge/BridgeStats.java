package io.archivesync.bridge;

import java.util.concurrent.atomic.LongAdder;

/** Running counts of the bridge, for logs, tests and benchmarks. */
public final class BridgeStats {

    final LongAdder received = new LongAdder();
    final LongAdder published = new LongAdder();
    final LongAdder deleted = new LongAdder();
    final LongAdder ignoredRecords = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder publishFailures = new LongAdder();

    /** Messages received, counting each redelivery. */
    public long received() {
        return received.sum();
    }

    /** Requests Kafka acknowledged. */
    public long published() {
        return published.sum();
    }

    /** Messages deleted from the queue. */
    public long deleted() {
        return deleted.sum();
    }

    /** Event records that asked for nothing: no rule, not a created object, a test event. */
    public long ignoredRecords() {
        return ignoredRecords.sum();
    }

    /** Receives of messages that could not be read (left for the queue's dead-letter queue). */
    public long malformed() {
        return malformed.sum();
    }

    /** Messages left on the queue because Kafka refused one of their requests. */
    public long publishFailures() {
        return publishFailures.sum();
    }

    @Override
    public String toString() {
        return "received=" + received() + " published=" + published() + " deleted=" + deleted() + " ignored="
                + ignoredRecords() + " malformed=" + malformed() + " publishFailures=" + publishFailures();
    }
}
