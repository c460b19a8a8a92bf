package io.archivesync.schemas.key;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;

/**
 * The Kafka record key of requests and results: the destination ({@code bucket/key} on S3, the location elsewhere).
 * Partitioning, deduplication and
 * the join of requests with the latest result all depend on every publisher building it the same way, so it is built
 * here and nowhere else.
 */
public final class RecordKey {

    private static final String S3 = "s3://";

    private RecordKey() {
    }

    /**
     * The key of a destination: {@code bucket/key} on the copier's S3 (no uri, or an {@code s3://} uri, so that both
     * forms of one object are one key), the uri itself anywhere else ({@code gs://b/k}, {@code az://a/c/k},
     * {@code file:///p}, {@code remote:c/k}).
     */
    public static String of(Destination destination) {
        String uri = destination.getUri();
        if (uri == null || uri.isEmpty()) {
            return of(destination.getBucket(), destination.getKey());
        }
        return uri.startsWith(S3) ? uri.substring(S3.length()) : uri;
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
