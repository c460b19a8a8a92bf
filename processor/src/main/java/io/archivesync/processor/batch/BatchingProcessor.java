package io.archivesync.processor.batch;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.config.ProcessorSettings.BatchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups requests per route and destination bucket into batches that close at N requests, B expected bytes or T
 * milliseconds of wall-clock time, whichever comes first, or when the instance drains before stopping.
 *
 * <p>Open batches live in two changelogged stores, so a restart loses none: {@code pending-batches} holds one small
 * header per open batch and {@code pending-requests} each request under {@code <batch key>#<sequence>}. Adding a
 * request writes only that request, not the whole batch again, which keeps the cost per request constant.
 */
public final class BatchingProcessor implements Processor<String, FileSyncRequest, String, CopyBatch> {

    private static final Logger LOGGER = LoggerFactory.getLogger(BatchingProcessor.class);
    private static final Duration MIN_TICK = Duration.ofMillis(50);
    private static final StringSerializer KEYS = new StringSerializer();

    private final String headerStoreName;
    private final String requestStoreName;
    private final BatchSettings settings;
    private final BatchDrain drain;
    private final Map<String, Tally> tallies = new HashMap<>();
    private ProcessorContext<String, CopyBatch> context;
    private KeyValueStore<String, CopyBatch> headers;
    private KeyValueStore<String, FileSyncRequest> requests;

    /** Requests and expected bytes of an open batch, kept in memory and recounted from the store after a restart. */
    private static final class Tally {
        int count;
        long bytes;
    }

    public BatchingProcessor(String headerStoreName, String requestStoreName, BatchSettings settings,
                             BatchDrain drain) {
        this.headerStoreName = headerStoreName;
        this.requestStoreName = requestStoreName;
        this.settings = settings;
        this.drain = drain;
    }

    @Override
    public void init(ProcessorContext<String, CopyBatch> context) {
        this.context = context;
        this.headers = context.getStateStore(headerStoreName);
        this.requests = context.getStateStore(requestStoreName);
        Duration tick = settings.maxWait().dividedBy(4);
        context.schedule(tick.compareTo(MIN_TICK) < 0 ? MIN_TICK : tick, PunctuationType.WALL_CLOCK_TIME,
                this::flushDue);
    }

    @Override
    public void process(Record<String, FileSyncRequest> record) {
        FileSyncRequest request = record.value();
        Route route = Routes.of(request);
        String bucket = request.getDestination().getBucket();
        String batchKey = route + "/" + bucket;
        CopyBatch header = headers.get(batchKey);
        if (header == null) {
            header = CopyBatch.newBuilder()
                    .setBatchId(UUID.randomUUID().toString())
                    .setRoute(route)
                    .setDestinationBucket(bucket)
                    .setRequests(List.of())
                    .setCreatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                    .build();
            headers.put(batchKey, header);
            tallies.put(batchKey, new Tally());
        }
        Tally tally = tally(batchKey);
        requests.put(entryKey(batchKey, tally.count), request);
        tally.count++;
        tally.bytes += request.getExpectedSize() == null ? 0 : request.getExpectedSize();
        if (tally.count >= settings.maxRequests() || tally.bytes >= settings.maxBytes()) {
            emit(batchKey, header, "full");
        }
    }

    private void flushDue(long now) {
        boolean draining = drain.requested();
        List<KeyValue<String, CopyBatch>> due = new ArrayList<>();
        try (KeyValueIterator<String, CopyBatch> it = headers.all()) {
            while (it.hasNext()) {
                KeyValue<String, CopyBatch> kv = it.next();
                if (draining || kv.value.getCreatedAt().toEpochMilli() + settings.maxWait().toMillis() <= now) {
                    due.add(kv);
                }
            }
        }
        due.forEach(kv -> emit(kv.key, kv.value, draining ? "drain" : "timeout"));
    }

    private void emit(String batchKey, CopyBatch header, String why) {
        List<FileSyncRequest> batch = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, FileSyncRequest> it = requests.prefixScan(batchKey + "#", KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, FileSyncRequest> kv = it.next();
                keys.add(kv.key);
                batch.add(kv.value);
            }
        }
        keys.forEach(requests::delete);
        headers.delete(batchKey);
        tallies.remove(batchKey);
        if (batch.isEmpty()) {
            return;
        }
        CopyBatch out = CopyBatch.newBuilder(header).setRequests(batch).build();
        LOGGER.debug("batch closed batchId={} route={} bucket={} requests={} why={}", out.getBatchId(),
                out.getRoute(), out.getDestinationBucket(), batch.size(), why);
        context.forward(new Record<>(out.getBatchId(), out, context.currentSystemTimeMs()));
    }

    /** The in-memory tally of a batch, recounted from the store when this task has not seen the batch yet. */
    private Tally tally(String batchKey) {
        return tallies.computeIfAbsent(batchKey, key -> {
            Tally t = new Tally();
            try (KeyValueIterator<String, FileSyncRequest> it = requests.prefixScan(key + "#", KEYS)) {
                while (it.hasNext()) {
                    FileSyncRequest r = it.next().value;
                    t.count++;
                    t.bytes += r.getExpectedSize() == null ? 0 : r.getExpectedSize();
                }
            }
            return t;
        });
    }

    private static String entryKey(String batchKey, int sequence) {
        return batchKey + "#" + String.format("%010d", sequence);
    }
}
