package io.archivesync.producer;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.config.ProducerSettings;
import io.archivesync.producer.plan.PlannedObject;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a planned archive object into a file-to-sync request: destination key = prefix + the source key.
 *
 * <p>The Kafka key is the destination, and the request carries the same source URI, size and ETag on every run, so
 * a re-run produces requests that the processor's dedup (destination + source version) recognises and drops.
 */
public final class RequestFactory {

    private final ProducerSettings settings;
    private final Clock clock;

    public RequestFactory(ProducerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public FileSyncRequest create(PlannedObject object) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder()
                        .setUri("s3://" + settings.sourceBucket() + "/" + object.key())
                        .setRegion(settings.sourceRegion())
                        .setAnonymous(settings.anonymousSource())
                        .build())
                .setDestination(Destination.newBuilder()
                        .setBucket(settings.destinationBucket())
                        .setKey(settings.destinationPrefix() + object.key())
                        .build())
                .setExpectedSize(object.size())
                .setExpectedEtag(object.etag())
                .setArchive(ArchiveLayout.parse(object.key()).orElse(null))
                .setOrigin(RequestOrigin.PRODUCER)
                .setRequestedAt(clock.instant())
                .setAttributes(Map.of())
                .build();
    }
}
