package io.archivesync.sink.copy;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.SourceLocation;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** File-to-sync requests as the producer would emit them. */
final class Requests {

    private Requests() {
    }

    static FileSyncRequest.Builder copy(String sourceUri, String bucket, String key) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri(sourceUri).build())
                .setDestination(Destination.newBuilder().setBucket(bucket).setKey(key).build())
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of());
    }
}
