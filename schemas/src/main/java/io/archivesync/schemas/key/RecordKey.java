package io.archivesync.schemas.key;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;

/**
 * The Kafka record key of requests and results: the destination {@code bucket/key}. Partitioning, deduplication and
 * the join of requests with the latest result all depend on every publisher building it the same way, so it is built
 * here and nowhere else.
 */
public final class RecordKey {

    private RecordKey() {
    }

    /** {@code bucket/key} of a destination. */
    public static String of(Destination destination) {
        return of(destination.getBucket(), destination.getKey());
    }

    /** {@code bucket/key}. */
    public static String of(String bucket, String key) {
        return bucket + "/" + key;
    }

    /** The key of a request: its destination. */
    public static String of(FileSyncRequest request) {
        return of(request.getDestination());
    }

    /** The key of a result: the destination of its request. */
    public static String of(CopyResult result) {
        return of(result.getDestination());
    }
}
