package io.archivesync.processor.dedup;

import io.archivesync.processor.validate.ValidatedRequest;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a request seen before within the dedup horizon, whether its copy is still in flight or already done (the
 * pattern of kafka-streams-examples' {@code EventDeduplicationLambdaIntegrationTest}, made cheaper per request).
 *
 * <p>The window store holds each request's dedup key in a window as wide as the horizon, aligned to multiples of it,
 * with the request's own timestamp as the value. A request's time can only be within the horizon of an entry in its
 * own window or a neighbouring one, so three point lookups answer "seen within the horizon?" where a range fetch would
 * open an iterator per store segment. The store's retention is two horizons, so every entry that can still match is
 * kept and older ones go with their segments, by themselves.
 */
public final class DedupProcessor implements FixedKeyProcessor<String, ValidatedRequest, ValidatedRequest> {

    /** Streams metric scope and operation of the drop counter: {@code dropped-duplicates-total}. */
    public static final String METRIC_SCOPE = "archive-sync";
    public static final String METRIC_OPERATION = "dropped-duplicates";

    private static final Logger LOGGER = LoggerFactory.getLogger(DedupProcessor.class);

    private final String storeName;
    private final long horizonMs;
    private FixedKeyProcessorContext<String, ValidatedRequest> context;
    private WindowStore<String, Long> seen;
    private Sensor dropped;

    public DedupProcessor(String storeName, Duration horizon) {
        this.storeName = storeName;
        this.horizonMs = horizon.toMillis();
    }

    /** The retention the store needs for a horizon: an entry matches for up to two window widths after its start. */
    public static Duration retention(Duration horizon) {
        return horizon.multipliedBy(2);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ValidatedRequest> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, storeName, METRIC_OPERATION,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, ValidatedRequest> record) {
        String id = DedupKey.of(record.value().request());
        long at = record.timestamp();
        long window = Math.floorDiv(at, horizonMs) * horizonMs;
        if (seenNear(id, at, window) || seenNear(id, at, window - horizonMs) || seenNear(id, at, window + horizonMs)) {
            dropped.record();
            LOGGER.debug("duplicate dropped id={}", id);
            return;
        }
        seen.put(id, at, window);
        context.forward(record);
    }

    /** Whether the entry of {@code id} in the window starting at {@code window}, if any, is within the horizon. */
    private boolean seenNear(String id, long at, long window) {
        Long previous = seen.fetch(id, window);
        return previous != null && Math.abs(at - previous) <= horizonMs;
    }
}
