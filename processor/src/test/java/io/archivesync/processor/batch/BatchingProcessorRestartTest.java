package io.archivesync.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.Topics;
import io.archivesync.processor.mirrored.MirrorCheck;
import io.archivesync.processor.topology.SyncTopology;
import io.archivesync.processor.validate.ValidatedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An open batch outlives the processor instance that started it: a new instance (as after a restart or a
 * rebalance, over the restored stores) finds the requests already stored and closes the batch with all of them.
 */
class BatchingProcessorRestartTest {

    private final AppConfig config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
            "kafka.schemaRegistryUrl=mock://batching-" + UUID.randomUUID(),
            "kafka.bootstrapServers=unused:9092",
            "processor.batch.maxRequests=3",
            "processor.batch.maxWait=1h"));
    private final Topics topics = Topics.create(config);
    private final Serializer<FileSyncRequest> writer = topics.requests().valueSerde().serializer();
    private KeyValueStore<String, CopyBatch> headers;
    private KeyValueStore<String, byte[]> requests;

    @BeforeEach
    void stores() {
        headers = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SyncTopology.PENDING_BATCHES_STORE),
                Serdes.String(), topics.serverSideBatches().valueSerde()).withLoggingDisabled().build();
        requests = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SyncTopology.PENDING_REQUESTS_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
    }

    @Test
    void shouldCloseABatchStartedByAnEarlierInstanceWithEveryRequestInOrder() {
        // Given a first instance that stored two requests of an open batch, then went away
        MockProcessorContext<String, CopyBatch> before = context();
        BatchingProcessor first = processor(before);
        FileSyncRequest a = request("a.zip");
        FileSyncRequest b = request("b.zip");
        first.process(record(a));
        first.process(record(b));
        assertThat(before.forwarded()).isEmpty();

        // When a new instance over the same stores gets the third
        MockProcessorContext<String, CopyBatch> after = context();
        BatchingProcessor second = processor(after);
        FileSyncRequest c = request("c.zip");
        second.process(record(c));

        // Then the batch closes with all three, in arrival order, and the stores are empty again
        assertThat(after.forwarded()).singleElement().satisfies(f -> assertThat(f.record().value().getRequests())
                .extracting(FileSyncRequest::getRequestId)
                .containsExactly(a.getRequestId(), b.getRequestId(), c.getRequestId()));
        assertThat(requests.approximateNumEntries()).isZero();
        assertThat(headers.approximateNumEntries()).isZero();
    }

    @Test
    void shouldKeepCurrentSourceEtagsAndNormalisedChecksumsOfAnOpenBatchAcrossARestart() {
        // Given a first instance that stored an unversioned request whose destination was copied from ETag e1, and
        // a request with an upper-case SHA-256, then went away
        MockProcessorContext<String, CopyBatch> before = context();
        BatchingProcessor first = processor(before);
        FileSyncRequest generated = request("a.zip");
        first.process(record(generated, copied(generated, "e1")));
        FileSyncRequest upper = request("b.zip");
        upper.setExpectedSha256("AB".repeat(32));
        first.process(record(upper));

        // When a new instance over the same stores closes the batch
        MockProcessorContext<String, CopyBatch> after = context();
        processor(after).process(record(request("c.zip")));

        // Then the batch still tells the copier which source ETag is current, and carries the lower-case checksum
        assertThat(after.forwarded()).singleElement().satisfies(f -> {
            assertThat(f.record().value().getCurrentSourceEtags())
                    .containsExactly(Map.entry(generated.getRequestId(), "e1"));
            assertThat(f.record().value().getRequests().get(1).getExpectedSha256()).isEqualTo("ab".repeat(32));
        });
    }

    @Test
    void shouldCloseARestoredBatchOnceTheRestartedTaskHasBeenQuietForQuietClose() {
        // Given a first instance that stored two requests of an open batch, then went away
        BatchingProcessor first = processor(context());
        FileSyncRequest a = request("a.zip");
        FileSyncRequest b = request("b.zip");
        first.process(record(a));
        first.process(record(b));

        // When a new instance over the same stores gets no request at all
        MockProcessorContext<String, CopyBatch> after = context();
        processor(after);
        long start = after.currentSystemTimeMs();
        Punctuator tick = after.scheduledPunctuators().get(0).getPunctuator();
        tick.punctuate(start + config.processor().batch().quietClose().toMillis() - 1);
        assertThat(after.forwarded()).isEmpty();
        tick.punctuate(start + config.processor().batch().quietClose().toMillis());

        // Then the restored batch leaves with both requests once it has been quiet that long, long before maxWait
        assertThat(after.forwarded()).singleElement().satisfies(f -> assertThat(f.record().value().getRequests())
                .extracting(FileSyncRequest::getRequestId).containsExactly(a.getRequestId(), b.getRequestId()));
        assertThat(requests.approximateNumEntries()).isZero();
    }

    @Test
    void shouldPadSequencesSoThatKeyOrderIsArrivalOrder() {
        assertThat(BatchingProcessor.entryKey("SERVER_SIDE/lake", 7)).isEqualTo("SERVER_SIDE/lake#0000000007");
        assertThat(BatchingProcessor.entryKey("SERVER_SIDE/lake", 10))
                .isGreaterThan(BatchingProcessor.entryKey("SERVER_SIDE/lake", 9));
    }

    private MockProcessorContext<String, CopyBatch> context() {
        MockProcessorContext<String, CopyBatch> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(Instant.parse("2024-01-08T00:00:00Z").toEpochMilli());
        if (!headers.isOpen()) {
            headers.init(context.getStateStoreContext(), headers);
            requests.init(context.getStateStoreContext(), requests);
        }
        context.addStateStore(headers);
        context.addStateStore(requests);
        return context;
    }

    private BatchingProcessor processor(MockProcessorContext<String, CopyBatch> context) {
        BatchingProcessor processor = new BatchingProcessor(SyncTopology.PENDING_BATCHES_STORE,
                SyncTopology.PENDING_REQUESTS_STORE, config.processor().batch(), new BatchDrain(),
                topics.requests().name(), topics.requests().valueSerde().deserializer());
        processor.init(context);
        return processor;
    }

    private Record<String, MirrorCheck> record(FileSyncRequest request) {
        return record(request, null);
    }

    private Record<String, MirrorCheck> record(FileSyncRequest request, CopyResult latest) {
        byte[] raw = writer.serialize(topics.requests().name(), request);
        return new Record<>("lake/" + request.getDestination().getKey(),
                MirrorCheck.of(ValidatedRequest.valid(request, raw), latest), 0L);
    }

    private static CopyResult copied(FileSyncRequest request, String sourceEtag) {
        return CopyResult.newBuilder()
                .setRequestId("earlier")
                .setSourceUri(request.getSource().getUri())
                .setDestination(request.getDestination())
                .setOutcome(CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE)
                .setMethodReason("test")
                .setSourceEtag(sourceEtag)
                .setCompletedAt(Instant.EPOCH)
                .build();
    }

    private static FileSyncRequest request(String key) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri("s3://data.binance.vision/" + key).build())
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("mirror/" + key).build())
                .setExpectedSize(100L)
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(Instant.parse("2024-01-08T00:00:00Z"))
                .setAttributes(Map.of())
                .build();
    }
}
