package io.archivesync.processor.topology;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.config.ProcessorSettings;
import io.archivesync.core.topic.Topic;
import io.archivesync.core.topic.Topics;
import io.archivesync.processor.aggregate.EfficiencyTopology;
import io.archivesync.processor.batch.BatchDrain;
import io.archivesync.processor.batch.BatchingProcessor;
import io.archivesync.processor.batch.Routes;
import io.archivesync.processor.dedup.DedupProcessor;
import io.archivesync.processor.dedup.DroppedRepeats;
import io.archivesync.processor.dedup.SeenRequest;
import io.archivesync.processor.mirrored.MirrorCheck;
import io.archivesync.processor.mirrored.SkippedResults;
import io.archivesync.processor.validate.RequestValidator;
import io.archivesync.processor.validate.ValidateRequestProcessor;
import io.archivesync.processor.validate.ValidatedRequest;
import io.archivesync.schemas.key.RecordKey;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The processor's topology, built by one pure function that {@code main} and the tests share. Every node, store and
 * branch is named, so changelog and repartition topics keep their names when steps are added.
 *
 * <pre>
 * requests-source ─ validate-request ─┬─ validation-invalid ─ dead-letter-value ─ dead-letter-sink
 *                                     ├─ validation-rekey ─ key-by-destination ─ valid-request (bytes)
 *                                     │    ─ requests-by-destination (repartition) ─ parse-request ─┐
 *                                     └─ validation-keyed ──────────────────────────────────────────┴─
 *   requests-by-destination-merged ─ check-already-mirrored (join [latest-result-by-destination])
 *   ─ dedup-by-destination [dedup-store, dropped-repeats] ─┬─ mirror-already-mirrored ─ skipped-result
 *                                                          │    ─ skipped-results-sink
 *                                                          └─ mirror-to-copy
 *   ─ batch-requests [pending-batches, pending-requests] ─┬─ route-server-side ─ server-side-batches-sink
 *                                                         └─ route-streaming ─ streaming-batches-sink
 * results-source ─ latest-result-by-destination (table)
 *                └─ results-by-market-type-method ─ aggregate-per-window [efficiency-windows] ─ window-aggregates-sink
 *                                                 └─ aggregate-totals [efficiency-totals] ─ total-aggregates-sink
 * </pre>
 */
public final class SyncTopology {

    public static final String DEDUP_STORE = "dedup-store";
    /** The repartition of requests not keyed by their destination; its topic is {@link #repartitionTopic}. */
    public static final String REQUESTS_BY_DESTINATION = "requests-by-destination";
    public static final String REPEATS_STORE = "dropped-repeats";
    public static final String PENDING_BATCHES_STORE = "pending-batches";
    public static final String PENDING_REQUESTS_STORE = "pending-requests";
    public static final String LATEST_RESULTS_STORE = "latest-result-by-destination";
    static final String VALIDATION = "validation-";
    static final String MIRROR = "mirror-";
    static final String ROUTE = "route-";

    private SyncTopology() {
    }

    /** The topic Streams names after {@link #REQUESTS_BY_DESTINATION}: requests, as they arrived, re-keyed. */
    public static String repartitionTopic(String applicationId) {
        return applicationId + "-" + REQUESTS_BY_DESTINATION + "-repartition";
    }

    /**
     * The topology; {@code drain} lets a stopping instance flush its open batches. The stores cache writes until a
     * commit: a request batched and emitted within one commit interval never reaches a changelog.
     */
    public static Topology build(Topics topics, ProcessorSettings settings, BatchDrain drain) {
        return build(topics, settings, Routes.DEFAULT, drain);
    }

    /** @param routes how requests are sent to the copier pools: by the copiers' own mode rule and settings */
    public static Topology build(Topics topics, ProcessorSettings settings, Routes routes, BatchDrain drain) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUP_STORE, DedupProcessor.retention(settings.dedupHorizon()),
                        settings.dedupHorizon(), false),
                Serdes.String(), SeenRequest.serde()).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(REPEATS_STORE, DedupProcessor.retention(settings.dedupHorizon()),
                        settings.dedupHorizon(), false),
                Serdes.String(), DroppedRepeats.serde()).withCachingEnabled());
        // Open batches are few and short-lived: in memory, changelogged, so a restart restores them.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_BATCHES_STORE),
                Serdes.String(), topics.serverSideBatches().valueSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_REQUESTS_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

        KStream<String, CopyResult> results = builder.stream(topics.results().name(),
                Consumed.with(topics.results().keySerde(), topics.results().valueSerde()).withName("results-source"));
        KTable<String, CopyResult> latest = results.toTable(Named.as(LATEST_RESULTS_STORE),
                Materialized.<String, CopyResult, KeyValueStore<Bytes, byte[]>>as(LATEST_RESULTS_STORE)
                        .withKeySerde(topics.results().keySerde())
                        .withValueSerde(topics.results().valueSerde()));
        EfficiencyTopology.addTo(results, topics, settings.aggregateWindow(), settings.prices());

        // The join comes first so that dedup knows the latest result: a repeat of a request that failed is copied.
        Map<String, KStream<String, MirrorCheck>> checked = validRequests(builder, topics, settings)
                .leftJoin(latest, MirrorCheck::of, Joined.<String, ValidatedRequest, CopyResult>as("check-already-mirrored")
                        .withKeySerde(topics.requests().keySerde())
                        .withOtherValueSerde(topics.results().valueSerde()))
                .processValues(() -> new DedupProcessor(DEDUP_STORE, REPEATS_STORE, settings.dedupHorizon()),
                        Named.as("dedup-by-destination"), DEDUP_STORE, REPEATS_STORE)
                .split(Named.as(MIRROR))
                .branch((key, check) -> check.alreadyMirrored(), Branched.as("already-mirrored"))
                .defaultBranch(Branched.as("to-copy"));

        checked.get(MIRROR + "already-mirrored")
                .mapValues(check -> SkippedResults.of(check, Instant.now()), Named.as("skipped-result"))
                .to(topics.results().name(), Produced.with(topics.results().keySerde(),
                        topics.results().valueSerde()).withName("skipped-results-sink"));

        checked.get(MIRROR + "to-copy")
                .process(() -> new BatchingProcessor(PENDING_BATCHES_STORE, PENDING_REQUESTS_STORE,
                        settings.batch(), routes, drain, topics.requests().name(),
                        topics.requests().valueSerde().deserializer()), Named.as("batch-requests"),
                        PENDING_BATCHES_STORE, PENDING_REQUESTS_STORE)
                .split(Named.as(ROUTE))
                .branch((id, batch) -> batch.getRoute() == Route.SERVER_SIDE, Branched.withConsumer(
                        s -> toBatches(s, topics.serverSideBatches(), "server-side-batches-sink"), "server-side"))
                .defaultBranch(Branched.withConsumer(
                        s -> toBatches(s, topics.streamingBatches(), "streaming-batches-sink"), "streaming"));
        return builder.build();
    }

    /**
     * Parses and validates raw requests; the refused go to the dead-letter topic. Requests keyed by another key than
     * their destination are re-keyed and repartitioned as the bytes they arrived in (no re-encoding), then parsed
     * again on the other side.
     */
    private static KStream<String, ValidatedRequest> validRequests(StreamsBuilder builder, Topics topics,
                                                                  ProcessorSettings settings) {
        RequestValidator validator = new RequestValidator(settings.allowedDestinations(),
                settings.batch().maxEncodedBytes());
        KStream<String, byte[]> raw = builder.stream(topics.requests().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("requests-source"));
        Map<String, KStream<String, ValidatedRequest>> validated = raw
                .processValues(() -> new ValidateRequestProcessor(topics.requests().name(),
                        topics.requests().valueSerde().deserializer(), validator), Named.as("validate-request"))
                .split(Named.as(VALIDATION))
                .branch((key, v) -> !v.isValid(), Branched.as("invalid"))
                .branch((key, v) -> RecordKey.of(v.request()).equals(key), Branched.as("keyed"))
                .defaultBranch(Branched.as("rekey"));

        validated.get(VALIDATION + "invalid")
                .mapValues(ValidatedRequest::raw, Named.as("dead-letter-value"))
                .to(topics.deadLetter().name(), Produced.with(topics.deadLetter().keySerde(),
                        topics.deadLetter().valueSerde()).withName("dead-letter-sink"));

        // Requests already keyed by their destination (every publisher of ours, and the documented contract) are on
        // the partition a repartition would send them to, since both use the default partitioner on the same key
        // bytes; only the others cross the repartition topic. A publisher that keys right but partitions its own way
        // costs efficiency, never correctness: a repeat it splits across partitions is copied again and skipped.
        Deserializer<FileSyncRequest> reader = topics.requests().valueSerde().deserializer();
        KStream<String, ValidatedRequest> rekeyed = validated.get(VALIDATION + "rekey")
                .selectKey((key, v) -> RecordKey.of(v.request()), Named.as("key-by-destination"))
                .mapValues(ValidatedRequest::raw, Named.as("valid-request"))
                .repartition(Repartitioned.<String, byte[]>as(REQUESTS_BY_DESTINATION)
                        .withKeySerde(topics.requests().keySerde())
                        .withValueSerde(Serdes.ByteArray()))
                .mapValues(bytes -> ValidatedRequest.valid(reader.deserialize(topics.requests().name(), bytes), bytes),
                        Named.as("parse-request"));
        return validated.get(VALIDATION + "keyed").merge(rekeyed, Named.as("requests-by-destination-merged"));
    }

    private static void toBatches(KStream<String, CopyBatch> batches, Topic<String, CopyBatch> topic, String name) {
        batches.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }
}
