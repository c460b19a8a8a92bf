package io.archivesync.processor.batch;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.config.ProcessorSettings.BatchSettings;
import io.archivesync.core.log.LogSafe;
import io.archivesync.processor.mirrored.MirrorCheck;
import io.archivesync.processor.validate.RequestLimits;
import io.archivesync.processor.validate.ValidatedRequest;
import java.nio.charset.StandardCharsets;
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
 * Groups requests per route and destination bucket into batches that close at N requests, B expected bytes, E encoded
 * bytes or T milliseconds of wall-clock time, whichever comes first, when the task has had no request to batch for
 * {@code quietClose}, or when the instance drains before stopping.
 *
 * <p>The quiet close is what keeps batching from adding latency to the tail of a job: once the input stops, the open
 * batches leave at the next tick instead of waiting out {@code maxWait}. Quiet is measured from the last request this
 * task batched, never from the last tick, so a tick that falls between two requests of a burst closes nothing; and it
 * is the task's quiet, not a batch's, so one bucket's batch keeps filling while requests for another bucket of the
 * same task keep the thread busy. Only the wall clock can see a quiet input, hence the tick of at most half the quiet
 * period (see {@link #tick}).
 *
 * <p>The encoded size is bounded because a batch is one Kafka record: past the producer's {@code max.request.size}
 * it could never be sent, and the stream thread would die on it after every restart. A request that would take an
 * open batch past {@code maxEncodedBytes} closes that batch and opens the next one; each request's share is counted
 * from the bytes it arrived as (the same Avro encoding the batch gives it) plus its entry in
 * {@code currentSourceEtags}, with a margin. The validator has already refused any request that could not fit alone.
 *
 * <p>Open batches live in two changelogged stores, so a restart loses none: {@code pending-batches} holds one small
 * header per open batch and {@code pending-requests} each request, as the bytes it arrived in, under
 * {@code <batch key>#<sequence>}. Adding a request writes only that request, never re-encoded and never the whole batch
 * again, which keeps the cost per request constant. The parsed requests of open batches are also kept in memory for
 * building the batch; after a restart they are read back from the store the first time a batch is touched. The
 * header carries the batch's {@code currentSourceEtags} (see {@link MirrorCheck#currentSourceEtag()}), so they are
 * restored with it.
 */
public final class BatchingProcessor implements Processor<String, MirrorCheck, String, CopyBatch> {

    private static final Logger LOGGER = LoggerFactory.getLogger(BatchingProcessor.class);
    /** The shortest punctuation interval: a tick costs one pass over the (few) open batch headers. */
    static final Duration MIN_TICK = Duration.ofMillis(20);
    private static final StringSerializer KEYS = new StringSerializer();
    private static final int SEQUENCE_DIGITS = 10;
    /** Length prefixes of a string pair or array item, generously. */
    private static final int ARRAY_ITEM_FRAMING = 16;

    private final String headerStoreName;
    private final String requestStoreName;
    private final BatchSettings settings;
    private final Routes routes;
    private final BatchDrain drain;
    private final String requestTopic;
    private final Deserializer<FileSyncRequest> requestReader;
    private final Map<String, OpenBatch> open = new HashMap<>();
    private ProcessorContext<String, CopyBatch> context;
    private KeyValueStore<String, CopyBatch> headers;
    private KeyValueStore<String, byte[]> requests;
    /** Wall-clock time of the last request batched by this task (or of its start: restored batches wait as new). */
    private long lastRequestMs;

    /** The header, parsed requests (in arrival order), expected bytes and encoded size bound of an open batch. */
    private static final class OpenBatch {
        final CopyBatch header;
        final List<FileSyncRequest> requests = new ArrayList<>();
        final Map<String, String> currentSourceEtags;
        long bytes;
        long encoded = RequestLimits.BATCH_OVERHEAD_BYTES;

        OpenBatch(CopyBatch header) {
            this.header = header;
            this.currentSourceEtags = new HashMap<>(header.getCurrentSourceEtags());
        }

        void add(FileSyncRequest request, int rawLength) {
            requests.add(request);
            bytes += request.getExpectedSize() == null ? 0 : request.getExpectedSize();
            encoded += encodedShare(rawLength, request.getRequestId(),
                    currentSourceEtags.get(request.getRequestId()));
        }
    }

    /**
     * @param requestTopic  the topic whose serde wrote the stored bytes (for reading them back after a restart)
     * @param requestReader reads them back
     */
    public BatchingProcessor(String headerStoreName, String requestStoreName, BatchSettings settings,
                             BatchDrain drain, String requestTopic, Deserializer<FileSyncRequest> requestReader) {
        this(headerStoreName, requestStoreName, settings, Routes.DEFAULT, drain, requestTopic, requestReader);
    }

    /** @param routes the rule that picks each request's copier pool */
    public BatchingProcessor(String headerStoreName, String requestStoreName, BatchSettings settings, Routes routes,
                             BatchDrain drain, String requestTopic, Deserializer<FileSyncRequest> requestReader) {
        this.routes = routes;
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
        this.lastRequestMs = context.currentSystemTimeMs();
        context.schedule(tick(settings), PunctuationType.WALL_CLOCK_TIME, this::flushDue);
    }

    /**
     * How often open batches are checked: a quarter of {@code maxWait}, and with a quiet close at most half of
     * {@code quietClose}, so a batch leaves between one and one and a half quiet periods after the last request; never
     * below {@link #MIN_TICK}.
     */
    static Duration tick(BatchSettings settings) {
        Duration tick = settings.maxWait().dividedBy(4);
        Duration quietHalf = settings.quietClose().dividedBy(2);
        if (!settings.quietClose().isZero() && quietHalf.compareTo(tick) < 0) {
            tick = quietHalf;
        }
        return tick.compareTo(MIN_TICK) < 0 ? MIN_TICK : tick;
    }

    @Override
    public void process(Record<String, MirrorCheck> record) {
        ValidatedRequest accepted = record.value().accepted();
        FileSyncRequest request = accepted.request();
        String etag = record.value().currentSourceEtag();
        Route route = routes.of(accepted);
        String bucket = request.getDestination().getBucket();
        String batchKey = route + "/" + bucket;
        OpenBatch batch = openBatch(batchKey);
        long share = encodedShare(accepted.raw().length, request.getRequestId(), etag);
        if (batch != null && batch.encoded + share > settings.maxEncodedBytes()) {
            emit(batchKey, batch, "encoded-size");
            batch = null;
        }
        if (batch == null) {
            CopyBatch header = CopyBatch.newBuilder()
                    .setBatchId(UUID.randomUUID().toString())
                    .setRoute(route)
                    .setDestinationBucket(bucket)
                    .setRequests(List.of())
                    .setCreatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                    .setCurrentSourceEtags(Map.of())
                    .build();
            headers.put(batchKey, header);
            batch = new OpenBatch(header);
            open.put(batchKey, batch);
        }
        if (etag != null) {
            batch.currentSourceEtags.put(request.getRequestId(), etag);
            headers.put(batchKey, CopyBatch.newBuilder(batch.header)
                    .setCurrentSourceEtags(new HashMap<>(batch.currentSourceEtags)).build());
        }
        requests.put(entryKey(batchKey, batch.requests.size()), accepted.raw());
        batch.add(request, accepted.raw().length);
        lastRequestMs = context.currentSystemTimeMs();
        if (batch.encoded > settings.maxEncodedBytes()) {
            LOGGER.warn("request alone exceeds the batch size bound requestId={} encodedBytes={} maxEncodedBytes={}",
                    LogSafe.escape(request.getRequestId()), batch.encoded, settings.maxEncodedBytes());
        }
        if (batch.requests.size() >= settings.maxRequests() || batch.bytes >= settings.maxBytes()
                || batch.encoded >= settings.maxEncodedBytes()) {
            emit(batchKey, batch, "full");
        }
    }

    /**
     * A request's share of its batch's encoded size: the Avro body of the bytes it arrived as (the wire format's
     * 5-byte prefix is not part of it, but counting it is a margin for fields a newer schema adds), its
     * {@code currentSourceEtags} entry, and framing.
     */
    static long encodedShare(int rawLength, String requestId, String currentSourceEtag) {
        long share = rawLength + ARRAY_ITEM_FRAMING;
        if (currentSourceEtag != null) {
            share += ARRAY_ITEM_FRAMING + utf8(requestId) + utf8(currentSourceEtag);
        }
        return share;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private void flushDue(long now) {
        boolean draining = drain.requested();
        long quietMs = settings.quietClose().toMillis();
        boolean quiet = quietMs > 0 && now - lastRequestMs >= quietMs;
        long createdBy = now - settings.maxWait().toMillis();
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, CopyBatch> it = headers.all()) {
            while (it.hasNext()) {
                KeyValue<String, CopyBatch> kv = it.next();
                if (draining || quiet || kv.value.getCreatedAt().toEpochMilli() <= createdBy) {
                    due.add(kv.key);
                }
            }
        }
        String why = draining ? "drain" : quiet ? "quiet" : "timeout";
        due.forEach(batchKey -> emit(batchKey, openBatch(batchKey), why));
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
        CopyBatch out = CopyBatch.newBuilder(closing.header).setRequests(batch)
                .setCurrentSourceEtags(closing.currentSourceEtags).build();
        LOGGER.debug("batch closed batchId={} route={} bucket={} requests={} encodedBytesBound={} why={}",
                out.getBatchId(), out.getRoute(), out.getDestinationBucket(), batch.size(), closing.encoded, why);
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
                byte[] raw = it.next().value;
                batch.add(ValidatedRequest.normalise(requestReader.deserialize(requestTopic, raw)), raw.length);
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
