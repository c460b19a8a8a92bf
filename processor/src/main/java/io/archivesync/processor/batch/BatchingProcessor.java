package io.archivesync.processor.batch;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.config.ProcessorSettings.BatchSettings;
import io.archivesync.processor.validate.ValidatedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
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
 * header per open batch and {@code pending-requests} each request, as the bytes it arrived in, under
 * {@code <batch key>#<sequence>}. Adding a request writes only that request, never re-encoded and never the whole batch
 * again, which keeps the cost per request constant. The parsed requests of open batches are also kept in memory for
 * building the batch; after a restart they are read back from the store the first time a batch is touched.
 */
public final class BatchingProcessor implements Processor<String, ValidatedRequest, String, CopyBatch> {

    private static final Logger LOGGER = LoggerFactory.getLogger(BatchingProcessor.class);
    private static final Duration MIN_TICK = Duration.ofMillis(50);
    private static final StringSerializer KEYS = new StringSerializer();
    private static final int SEQUENCE_DIGITS = 10;

    private final String headerStoreName;
    private final String requestStoreName;
    private final BatchSettings settings;
    private final BatchDrain drain;
    private final String requestTopic;
    private final Deserializer<FileSyncRequest> requestReader;
    private final Map<String, OpenBatch> open = new HashMap<>();
    private ProcessorContext<String, CopyBatch> context;
    private KeyValueStore<String, CopyBatch> headers;
    private KeyValueStore<String, byte[]> requests;

    /** The header, parsed requests (in arrival order) and expected bytes of an open batch. */
    private static final class OpenBatch {
        final CopyBatch header;
        final List<FileSyncRequest> requests = new ArrayList<>();
        long bytes;

        OpenBatch(CopyBatch header) {
            this.header = header;
        }

        void add(FileSyncRequest request) {
            requests.add(request);
            bytes += request.getExpectedSize() == null ? 0 : request.getExpectedSize();
        }
    }

    /**
     * @param requestTopic  the topic whose serde wrote the stored bytes (for reading them back after a restart)
     * @param requestReader reads them back
     */
    public BatchingProcessor(String headerStoreName, String requestStoreName, BatchSettings settings,
                             BatchDrain drain, String requestTopic, Deserializer<FileSyncRequest> requestReader) {
        this.headerStoreName = headerStoreName;
        this.requestStoreName = requestStoreName;
        this.settings = settings;
        this.drain = drain;
        this.requestTopic = requestTopic;
        this.requestReader = requestReader;
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
    public void process(Record<String, ValidatedRequest> record) {
        FileSyncRequest request = record.value().request();
        Route route = Routes.of(request);
        String bucket = request.getDestination().getBucket();
        String batchKey = route + "/" + bucket;
        OpenBatch batch = openBatch(batchKey);
        if (batch == null) {
            CopyBatch header = CopyBatch.newBuilder()
                    .setBatchId(UUID.randomUUID().toString())
                    .setRoute(route)
                    .setDestinationBucket(bucket)
                    .setRequests(List.of())
                    .setCreatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                    .build();
            headers.put(batchKey, header);
            batch = new OpenBatch(header);
            open.put(batchKey, batch);
        }
        requests.put(entryKey(batchKey, batch.requests.size()), record.value().raw());
        batch.add(request);
        if (batch.requests.size() >= settings.maxRequests() || batch.bytes >= settings.maxBytes()) {
            emit(batchKey, batch, "full");
        }
    }

    private void flushDue(long now) {
        boolean draining = drain.requested();
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, CopyBatch> it = headers.all()) {
            while (it.hasNext()) {
                KeyValue<String, CopyBatch> kv = it.next();
                if (draining || kv.value.getCreatedAt().toEpochMilli() + settings.maxWait().toMillis() <= now) {
                    due.add(kv.key);
                }
            }
        }
        due.forEach(batchKey -> emit(batchKey, openBatch(batchKey), draining ? "drain" : "timeout"));
    }

    private void emit(String batchKey, OpenBatch closing, String why) {
        List<FileSyncRequest> batch = closing.requests;
        for (int i = 0; i < batch.size(); i++) {
            requests.delete(entryKey(batchKey, i));
        }
        headers.delete(batchKey);
        open.remove(batchKey);
        if (batch.isEmpty()) {
            return;
        }
        CopyBatch out = CopyBatch.newBuilder(closing.header).setRequests(batch).build();
        LOGGER.debug("batch closed batchId={} route={} bucket={} requests={} why={}", out.getBatchId(),
                out.getRoute(), out.getDestinationBucket(), batch.size(), why);
        context.forward(new Record<>(out.getBatchId(), out, context.currentSystemTimeMs()));
    }

    /**
     * The open batch of {@code batchKey}, or null when there is none. Held in memory; read back from the stores the
     * first time this processor instance meets a batch that an earlier one opened (after a restart or a rebalance).
     */
    private OpenBatch openBatch(String batchKey) {
        OpenBatch batch = open.get(batchKey);
        if (batch != null) {
            return batch;
        }
        CopyBatch header = headers.get(batchKey);
        if (header == null) {
            return null;
        }
        batch = new OpenBatch(header);
        try (KeyValueIterator<String, byte[]> it = requests.prefixScan(batchKey + "#", KEYS)) {
            while (it.hasNext()) {
                batch.add(requestReader.deserialize(requestTopic, it.next().value));
            }
        }
        open.put(batchKey, batch);
        return batch;
    }

    /** {@code <batch key>#<sequence>}, the sequence zero-padded so that the store's key order is arrival order. */
    static String entryKey(String batchKey, int sequence) {
        String digits = Integer.toString(sequence);
        StringBuilder key = new StringBuilder(batchKey.length() + 1 + SEQUENCE_DIGITS).append(batchKey).append('#');
        for (int i = digits.length(); i < SEQUENCE_DIGITS; i++) {
            key.append('0');
        }
        return key.append(digits).toString();
    }
}
