package io.archivesync.processor.dedup;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.core.log.LogSafe;
import io.archivesync.processor.mirrored.MirrorCheck;
import io.archivesync.schemas.key.RecordKey;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a repeat of a request seen within the dedup horizon while that request is in flight or ended good (the
 * pattern of kafka-streams-examples' {@code EventDeduplicationLambdaIntegrationTest}, made cheaper per request). A
 * repeat of a request that failed is let through and copied: the failure may be gone (a bucket created since, a
 * permission granted), and the publisher asked again.
 *
 * <p>It runs after the join with the latest result per destination, so it knows that result: the remembered request
 * ended when the latest result carries its id, well when that result is {@linkplain MirrorCheck#isGood good} or
 * {@code DELETED}; no result of its own means it is still in flight.
 *
 * <p>The window store holds each request's dedup key in a window as wide as the horizon, aligned to multiples of it,
 * with the request's own timestamp and id as the value. A request's time can only be within the horizon of an entry in
 * its own window or a neighbouring one, so three point lookups answer "seen within the horizon?" where a range fetch
 * would open an iterator per store segment. The store's retention is two horizons, so every entry that can still
 * match is kept and older ones go with their segments, by themselves. Each drop is counted in the metric and, per
 * destination, in the repeats store that the status endpoint reads.
 */
public final class DedupProcessor implements FixedKeyProcessor<String, MirrorCheck, MirrorCheck> {

    /** Streams metric scope and operation of the drop counter: {@code dropped-duplicates-total}. */
    public static final String METRIC_SCOPE = "archive-sync";
    public static final String METRIC_OPERATION = "dropped-duplicates";

    private static final Logger LOGGER = LoggerFactory.getLogger(DedupProcessor.class);

    private final String storeName;
    private final String repeatsStoreName;
    private final long horizonMs;
    private FixedKeyProcessorContext<String, MirrorCheck> context;
    private WindowStore<String, SeenRequest> seen;
    private WindowStore<String, DroppedRepeats> repeats;
    private Sensor dropped;

    public DedupProcessor(String storeName, String repeatsStoreName, Duration horizon) {
        this.storeName = storeName;
        this.repeatsStoreName = repeatsStoreName;
        this.horizonMs = horizon.toMillis();
    }

    /** The retention the stores need for a horizon: an entry matches for up to two window widths after its start. */
    public static Duration retention(Duration horizon) {
        return horizon.multipliedBy(2);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MirrorCheck> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.repeats = context.getStateStore(repeatsStoreName);
        this.dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, storeName, METRIC_OPERATION,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(FixedKeyRecord<String, MirrorCheck> record) {
        MirrorCheck check = record.value();
        String id = DedupKey.of(check.request());
        long at = record.timestamp();
        long window = Math.floorDiv(at, horizonMs) * horizonMs;
        SeenRequest previous = latestOf(latestOf(seenNear(id, at, window), seenNear(id, at, window - horizonMs)),
                seenNear(id, at, window + horizonMs));
        if (previous != null && suppresses(previous, check.latest())) {
            dropped.record();
            rememberRepeat(check, previous, window);
            return;
        }
        seen.put(id, new SeenRequest(at, check.request().getRequestId()), window);
        context.forward(record);
    }

    /** Whether the remembered request still answers for a repeat: in flight, or ended good. */
    static boolean suppresses(SeenRequest previous, CopyResult latest) {
        if (previous.requestId() == null || latest == null || !previous.requestId().equals(latest.getRequestId())) {
            return true;
        }
        return MirrorCheck.isGood(latest.getOutcome()) || latest.getOutcome() == CopyOutcome.DELETED;
    }

    private void rememberRepeat(MirrorCheck check, SeenRequest previous, long window) {
        String destination = RecordKey.of(check.request());
        String requestId = check.request().getRequestId();
        long now = context.currentSystemTimeMs();
        DroppedRepeats before = repeats.fetch(destination, window);
        repeats.put(destination, before == null ? new DroppedRepeats(1, requestId, now, previous.requestId())
                : before.plus(requestId, now, previous.requestId()), window);
        if (LOGGER.isDebugEnabled()) {
            LOGGER.debug("repeat dropped destination={} requestId={} repeatOf={}", LogSafe.escape(destination),
                    LogSafe.escape(requestId), LogSafe.escape(previous.requestId()));
        }
    }

    /** The entry of {@code id} in the window starting at {@code window} when it is within the horizon, else null. */
    private SeenRequest seenNear(String id, long at, long window) {
        SeenRequest previous = seen.fetch(id, window);
        return previous != null && Math.abs(at - previous.at()) <= horizonMs ? previous : null;
    }

    private static SeenRequest latestOf(SeenRequest a, SeenRequest b) {
        if (a == null) {
            return b;
        }
        return b == null || a.at() >= b.at() ? a : b;
    }
}
