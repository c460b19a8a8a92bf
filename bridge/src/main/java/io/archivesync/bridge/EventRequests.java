package io.archivesync.bridge;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.bridge.event.S3EventRecord;
import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.config.BridgeRule;
import io.archivesync.core.config.BridgeSettings;
import io.archivesync.core.topic.RequestAttributes;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one S3 event record into a file-to-sync request, by the first of the configured rules with the longest
 * matching prefix; empty when the event is not one to mirror.
 *
 * <p>Why the request id is derived from the SQS message id: SQS redelivers a message with the same id, so a request
 * published twice (the bridge died before deleting the message) is byte-for-byte the same request apart from its
 * time, with the same Kafka key and source version, which is what the processor's dedup drops.
 */
public final class EventRequests {

    /** Attribute naming the action when it is not a copy. Only {@code delete} exists. */
    public static final String ACTION_ATTRIBUTE = RequestAttributes.ACTION;
    public static final String ACTION_DELETE = RequestAttributes.ACTION_DELETE;

    private final BridgeSettings settings;
    private final String defaultRegion;
    private final Clock clock;

    public EventRequests(BridgeSettings settings, String defaultRegion, Clock clock) {
        this.settings = settings;
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    /**
     * @param messageId the SQS message id, to make the request id stable across redeliveries
     * @param index     the record's position in the message
     */
    public Optional<FileSyncRequest> toRequest(S3EventRecord event, String messageId, int index) {
        boolean delete = event.isRemoved() && settings.propagateDeletes();
        if (!event.isCreated() && !delete) {
            return Optional.empty();
        }
        Optional<BridgeRule> rule = settings.rules().stream()
                .filter(r -> r.matches(event.bucket(), event.key()))
                .max(Comparator.comparingInt(r -> r.prefix().length()));
        return rule.map(r -> request(event, r, messageId, index, delete));
    }

    private FileSyncRequest request(S3EventRecord event, BridgeRule rule, String messageId, int index,
                                    boolean delete) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("sqs.messageId", messageId);
        attributes.put("s3.eventName", event.eventName());
        if (event.sequencer() != null) {
            // the event's identity: dedup tells a new delete of this key from a redelivered one by it
            attributes.put(RequestAttributes.SOURCE_SEQUENCER, event.sequencer());
        }
        if (event.versionId() != null) {
            attributes.put("s3.versionId", event.versionId());
        }
        if (delete) {
            attributes.put(ACTION_ATTRIBUTE, ACTION_DELETE);
        }
        return FileSyncRequest.newBuilder()
                .setRequestId("sqs-" + messageId + "-" + index)
                .setSource(SourceLocation.newBuilder()
                        .setUri("s3://" + event.bucket() + "/" + event.key())
                        .setRegion(event.awsRegion() != null ? event.awsRegion() : defaultRegion)
                        .setAnonymous(rule.anonymous())
                        .build())
                .setDestination(Destination.newBuilder()
                        .setBucket(rule.destinationBucket())
                        .setKey(rule.destinationKey(event.key()))
                        .build())
                .setExpectedSize(event.size())
                .setExpectedEtag(event.etag())
                .setArchive(ArchiveLayout.parse(event.key()).orElse(null))
                .setOrigin(RequestOrigin.SQS)
                .setRequestedAt(clock.instant())
                .setAttributes(attributes)
                .build();
    }
}
