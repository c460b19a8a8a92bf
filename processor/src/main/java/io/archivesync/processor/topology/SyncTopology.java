package io.archivesync.processor.topology;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.config.ProcessorSettings;
import io.archivesync.core.topic.Topic;
import io.archivesync.core.topic.Topics;
import io.archivesync.processor.batch.BatchingProcessor;
import io.archivesync.processor.dedup.DedupKey;
import io.archivesync.processor.dedup.DedupProcessor;
import io.archivesync.processor.validate.ValidateRequestProcessor;
import io.archivesync.processor.validate.ValidatedRequest;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology, built by one pure function that {@code main} and the tests share. Every node, store and
 * branch is named, so changelog and repartition topics keep their names when steps are added.
 *
 * <pre>
 * requests-source ─ validate-request ─┬─ invalid ─ dead-letter-value ─ dead-letter-sink
 *                                     └─ valid ─ valid-request ─ key-by-destination ─ requests-by-destination
 *                                          ─ dedup-by-destination [dedup-store] ─ batch-requests [pending-batches]
 *                                          ─┬─ route-server-side ─ server-side-batches-sink
 *                                           └─ route-streaming ─ streaming-batches-sink
 * </pre>
 */
public final class SyncTopology {

    public static final String DEDUP_STORE = "dedup-store";
    public static final String PENDING_BATCHES_STORE = "pending-batches";
    static final String VALIDATION = "validation-";
    static final String ROUTE = "route-";
    static final String VALID = "valid";
    static final String INVALID = "invalid";

    private SyncTopology() {
    }

    public static Topology build(Topics topics, ProcessorSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUP_STORE, settings.dedupHorizon(), settings.dedupHorizon(), false),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PENDING_BATCHES_STORE),
                Serdes.String(), topics.serverSideBatches().valueSerde()));

        KStream<String, byte[]> raw = builder.stream(topics.requests().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("requests-source"));
        Map<String, KStream<String, ValidatedRequest>> validated = raw
                .processValues(() -> new ValidateRequestProcessor(topics.requests().name(),
                        topics.requests().valueSerde().deserializer()), Named.as("validate-request"))
                .split(Named.as(VALIDATION))
                .branch((key, v) -> v.isValid(), Branched.as(VALID))
                .defaultBranch(Branched.as(INVALID));

        validated.get(VALIDATION + INVALID)
                .mapValues(ValidatedRequest::raw, Named.as("dead-letter-value"))
                .to(topics.deadLetter().name(), Produced.with(topics.deadLetter().keySerde(),
                        topics.deadLetter().valueSerde()).withName("dead-letter-sink"));

        validated.get(VALIDATION + VALID)
                .mapValues(ValidatedRequest::request, Named.as("valid-request"))
                .selectKey((key, request) -> DedupKey.destination(request), Named.as("key-by-destination"))
                .repartition(Repartitioned.<String, FileSyncRequest>as("requests-by-destination")
                        .withKeySerde(topics.requests().keySerde())
                        .withValueSerde(topics.requests().valueSerde()))
                .processValues(() -> new DedupProcessor(DEDUP_STORE, settings.dedupHorizon()),
                        Named.as("dedup-by-destination"), DEDUP_STORE)
                .process(() -> new BatchingProcessor(PENDING_BATCHES_STORE, settings.batch()),
                        Named.as("batch-requests"), PENDING_BATCHES_STORE)
                .split(Named.as(ROUTE))
                .branch((id, batch) -> batch.getRoute() == Route.SERVER_SIDE, Branched.withConsumer(
                        s -> toBatches(s, topics.serverSideBatches(), "server-side-batches-sink"), "server-side"))
                .defaultBranch(Branched.withConsumer(
                        s -> toBatches(s, topics.streamingBatches(), "streaming-batches-sink"), "streaming"));
        return builder.build();
    }

    private static void toBatches(KStream<String, CopyBatch> batches, Topic<String, CopyBatch> topic, String name) {
        batches.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }
}
