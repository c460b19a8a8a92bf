package io.archivesync.core.topic;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.config.AppConfig;
import io.archivesync.schemas.serde.SerdeFactory;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic archive-sync reads or writes, declared in this one place. Keys are strings (the destination
 * {@code bucket/key} for requests and results, the batch id for batches); values are Avro in the Confluent wire
 * format under the subject {@code <topic>-value}, except the dead-letter topic, which keeps the original bytes, and
 * the transfers and sync topics, whose values are small JSON documents written and read by the copier or the sync
 * command alone.
 *
 * @param requests          file-to-sync requests from the enumerator, outside publishers and the SQS bridge
 * @param serverSideBatches batches the storage can copy by itself (request-rate bound copier pool)
 * @param streamingBatches  batches that must stream through a copier (bandwidth bound copier pool)
 * @param results           one terminal result per request
 * @param aggregates        efficiency aggregates for dashboards
 * @param deadLetter        requests that failed validation: original bytes, reason in headers
 * @param transfers         compacted: the last checkpoint of each unfinished streamed write, keyed by the destination
 *                          URL, so that a copier that dies mid-upload resumes from the last part (a tombstone when
 *                          the write completed or was given up); see {@code io.archivesync.sink.copy.journal}
 * @param syncBases         compacted: the base record of each path of each sync pair, keyed {@code pairId/path}, a
 *                          tombstone once the path is gone from both sides; see {@code io.archivesync.sync.state}
 * @param syncConflicts     compacted: the open conflicts of sync pairs ({@code manual}), keyed {@code pairId/path},
 *                          with a person's resolution once given; a tombstone once settled
 * @param syncRuns          compacted: the last run of each sync pair, keyed by the pair id
 */
public record Topics(
        Topic<String, FileSyncRequest> requests,
        Topic<String, CopyBatch> serverSideBatches,
        Topic<String, CopyBatch> streamingBatches,
        Topic<String, CopyResult> results,
        Topic<String, EfficiencyAggregate> aggregates,
        Topic<String, byte[]> deadLetter,
        Topic<String, byte[]> transfers,
        Topic<String, byte[]> syncBases,
        Topic<String, byte[]> syncConflicts,
        Topic<String, byte[]> syncRuns) {

    public static final String REQUESTS = "requests";
    public static final String SERVER_SIDE_BATCHES = "copy-batches-server-side";
    public static final String STREAMING_BATCHES = "copy-batches-streaming";
    public static final String RESULTS = "results";
    public static final String AGGREGATES = "efficiency-aggregates";
    public static final String DEAD_LETTER = "requests-dlq";
    public static final String TRANSFERS = "transfers";
    public static final String SYNC_BASES = "sync-bases";
    public static final String SYNC_CONFLICTS = "sync-conflicts";
    public static final String SYNC_RUNS = "sync-runs";

    /** Builds the topics with the serde class and registry the configuration names. */
    public static Topics create(AppConfig config) {
        String prefix = config.topics().prefix();
        String serdeClass = config.kafka().valueSerde();
        Map<String, Object> serdeConfig = config.kafka().serdeConfig();
        return new Topics(
                new Topic<>(prefix + REQUESTS, Serdes.String(),
                        avro(serdeClass, FileSyncRequest.class, serdeConfig)),
                new Topic<>(prefix + SERVER_SIDE_BATCHES, Serdes.String(),
                        avro(serdeClass, CopyBatch.class, serdeConfig)),
                new Topic<>(prefix + STREAMING_BATCHES, Serdes.String(),
                        avro(serdeClass, CopyBatch.class, serdeConfig)),
                new Topic<>(prefix + RESULTS, Serdes.String(), avro(serdeClass, CopyResult.class, serdeConfig)),
                new Topic<>(prefix + AGGREGATES, Serdes.String(),
                        avro(serdeClass, EfficiencyAggregate.class, serdeConfig)),
                new Topic<>(prefix + DEAD_LETTER, Serdes.String(), Serdes.ByteArray()),
                Topic.compacted(prefix + TRANSFERS, Serdes.String(), Serdes.ByteArray()),
                Topic.compacted(prefix + SYNC_BASES, Serdes.String(), Serdes.ByteArray()),
                Topic.compacted(prefix + SYNC_CONFLICTS, Serdes.String(), Serdes.ByteArray()),
                Topic.compacted(prefix + SYNC_RUNS, Serdes.String(), Serdes.ByteArray()));
    }

    private static <T> Serde<T> avro(String serdeClass, Class<T> type, Map<String, Object> config) {
        return SerdeFactory.create(serdeClass, type, config, false);
    }

    /** The batch topic of a route. */
    public Topic<String, CopyBatch> batches(Route route) {
        return route == Route.STREAMING ? streamingBatches : serverSideBatches;
    }

    /** All topics, for creation at start-up. */
    public List<Topic<?, ?>> all() {
        return List.of(requests, serverSideBatches, streamingBatches, results, aggregates, deadLetter, transfers,
                syncBases, syncConflicts, syncRuns);
    }

    /** The topics {@code archive-sync sync} keeps its state on. */
    public List<Topic<?, ?>> sync() {
        return List.of(syncBases, syncConflicts, syncRuns);
    }
}
