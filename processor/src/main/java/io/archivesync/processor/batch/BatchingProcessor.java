package io.archivesync.processor.batch;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.config.ProcessorSettings.BatchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * milliseconds of wall-clock time, whichever comes first. Open batches live in a changelogged store, so a restart
 * loses none: the wall-clock punctuation flushes them after it.
 */
public final class BatchingProcessor implements Processor<String, FileSyncRequest, String, CopyBatch> {

    private static final Logger LOGGER = LoggerFactory.getLogger(BatchingProcessor.class);
    private static final Duration MIN_TICK = Duration.ofMillis(50);

    private final String storeName;
    private final BatchSettings settings;
    private ProcessorContext<String, CopyBatch> context;
    private KeyValueStore<String, CopyBatch> pending;

    public BatchingProcessor(String storeName, BatchSettings settings) {
        this.storeName = storeName;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CopyBatch> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        Duration tick = settings.maxWait().dividedBy(4);
        context.schedule(tick.compareTo(MIN_TICK) < 0 ? MIN_TICK : tick, PunctuationType.WALL_CLOCK_TIME,
                this::flushExpired);
    }

    @Override
    public void process(Record<String, FileSyncRequest> record) {
        FileSyncRequest request = record.value();
        Route route = Routes.of(request);
        String bucket = request.getDestination().getBucket();
        String batchKey = route + "/" + bucket;
        CopyBatch batch = pending.get(batchKey);
        if (batch == null) {
            batch = CopyBatch.newBuilder()
                    .setBatchId(UUID.randomUUID().toString())
                    .setRoute(route)
                    .setDestinationBucket(bucket)
                    .setRequests(new ArrayList<>())
                    .setCreatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                    .build();
        }
        List<FileSyncRequest> requests = new ArrayList<>(batch.getRequests());
        requests.add(request);
        batch.setRequests(requests);
        if (requests.size() >= settings.maxRequests() || bytes(requests) >= settings.maxBytes()) {
            emit(batchKey, batch, "full");
        } else {
            pending.put(batchKey, batch);
        }
    }

    private void flushExpired(long now) {
        List<KeyValue<String, CopyBatch>> due = new ArrayList<>();
        try (KeyValueIterator<String, CopyBatch> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, CopyBatch> kv = it.next();
                if (kv.value.getCreatedAt().toEpochMilli() + settings.maxWait().toMillis() <= now) {
                    due.add(kv);
                }
            }
        }
        due.forEach(kv -> emit(kv.key, kv.value, "timeout"));
    }

    private void emit(String batchKey, CopyBatch batch, String why) {
        pending.delete(batchKey);
        LOGGER.debug("batch closed batchId={} route={} bucket={} requests={} why={}", batch.getBatchId(),
                batch.getRoute(), batch.getDestinationBucket(), batch.getRequests().size(), why);
        context.forward(new Record<>(batch.getBatchId(), batch, context.currentSystemTimeMs()));
    }

    private static long bytes(List<FileSyncRequest> requests) {
        long total = 0;
        for (FileSyncRequest r : requests) {
            total += r.getExpectedSize() == null ? 0 : r.getExpectedSize();
        }
        return total;
    }
}
