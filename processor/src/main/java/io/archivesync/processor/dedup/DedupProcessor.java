package io.archivesync.processor.dedup;

import io.archivesync.avro.FileSyncRequest;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a request seen before within the dedup horizon, whether its copy is still in flight or already done. The
 * window store's retention is the horizon, so memory of old requests ends by itself (the pattern of
 * kafka-streams-examples' {@code EventDeduplicationLambdaIntegrationTest}).
 */
public final class DedupProcessor implements FixedKeyProcessor<String, FileSyncRequest, FileSyncRequest> {

    /** Streams metric scope and operation of the drop counter: {@code dropped-duplicates-total}. */
    public static final String METRIC_SCOPE = "archive-sync";
    public static final String METRIC_OPERATION = "dropped-duplicates";

    private static final Logger LOGGER = LoggerFactory.getLogger(DedupProcessor.class);

    private final String storeName;
    private final long horizonMs;
    private FixedKeyProcessorContext<String, FileSyncRequest> context;
    private WindowStore<String, Long> seen;
    private Sensor dropped;

    public DedupProcessor(String storeName, Duration horizon) {
        this.storeName = storeName;
        this.horizonMs = horizon.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, FileSyncRequest> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, storeName, METRIC_OPERATION,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, FileSyncRequest> record) {
        String id = DedupKey.of(record.value());
        long at = record.timestamp();
        if (isDuplicate(id, at)) {
            dropped.record();
            LOGGER.debug("duplicate dropped id={}", id);
            return;
        }
        rememberNewEvent(id, at);
        context.forward(record);
    }

    private boolean isDuplicate(String id, long at) {
        try (WindowStoreIterator<Long> it = seen.fetch(id, at - horizonMs, at + horizonMs)) {
            return it.hasNext();
        }
    }

    private void rememberNewEvent(String id, long at) {
        seen.put(id, at, at);
    }
}
