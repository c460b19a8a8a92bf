package io.archivesync.core.topic;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How every consumer of the pipeline's transactional topics reads: committed records only, and fetches that wait on
 * the broker at most {@value #FETCH_MAX_WAIT_MS} ms. Records written in a transaction become readable only at its
 * commit marker, and a fetch already parked on the broker is not woken by that marker: it waits out
 * {@code fetch.max.wait.ms} (500 ms by default). Requests cross three such hops on their way to a result (the
 * processor's repartition, the batches, the results), so the default added up to 1.5 s to every job's first copy. An
 * idle consumer then asks ten times a second instead of twice: nothing, next to the copies.
 */
public final class ReadCommitted {

    /** The longest a fetch waits on the broker for records to arrive. */
    public static final int FETCH_MAX_WAIT_MS = 100;

    private ReadCommitted() {
    }

    /** Sets {@code isolation.level} and {@code fetch.max.wait.ms} on a consumer's configuration. */
    public static void apply(Map<String, Object> consumer) {
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    }
}
