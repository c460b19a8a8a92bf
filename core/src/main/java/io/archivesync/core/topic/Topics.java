package io.archivesync.core.topic;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.schemas.serde.SerdeFactory;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic archive-sync reads or writes, declared in this one place. Keys are strings (the destination
 * {@code bucket/key} for requests and results, the batch id for batches); values are Avro in the Confluent wire
 * format under the subject {@code <topic>-value}, except the dead-letter topic, which keeps the original bytes.
 *
 * @param requests   file-to-sync requests from the enumerator, outside publishers and the SQS bridge
 * @param batches    batches of validated, deduplicated requests for the copiers
 * @param results    one terminal result per request
 * @param deadLetter requests that failed validation: original bytes, reason in headers
 */
public record Topics(
        Topic<String, FileSyncRequest> requests,
        Topic<String, CopyBatch> batches,
        Topic<String, CopyResult> results,
        Topic<String, byte[]> deadLetter) {

    public static final String REQUESTS = "requests";
    public static final String BATCHES = "copy-batches";
    public static final String RESULTS = "results";
    public static final String DEAD_LETTER = "requests-dlq";

    /** Builds the topics with the serde class and registry the configuration names. */
    public static Topics create(AppConfig config) {
        String prefix = config.topics().prefix();
        String serdeClass = config.kafka().valueSerde();
        Map<String, Object> serdeConfig = config.kafka().serdeConfig();
        return new Topics(
                new Topic<>(prefix + REQUESTS, Serdes.String(),
                        avro(serdeClass, FileSyncRequest.class, serdeConfig)),
                new Topic<>(prefix + BATCHES, Serdes.String(), avro(serdeClass, CopyBatch.class, serdeConfig)),
                new Topic<>(prefix + RESULTS, Serdes.String(), avro(serdeClass, CopyResult.class, serdeConfig)),
                new Topic<>(prefix + DEAD_LETTER, Serdes.String(), Serdes.ByteArray()));
    }

    private static <T> Serde<T> avro(String serdeClass, Class<T> type, Map<String, Object> config) {
        return SerdeFactory.create(serdeClass, type, config, false);
    }

    /** All topics, for creation at start-up. */
    public List<Topic<?, ?>> all() {
        return List.of(requests, batches, results, deadLetter);
    }
}
