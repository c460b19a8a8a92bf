package io.archivesync.producer.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.s3.S3Location;
import io.archivesync.schemas.key.Destinations;
import java.net.URI;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One request written as a flat JSON object, the line format of {@code archive-sync publish --stdin}:
 * <pre>{"source": "s3://bucket/key", "destinationBucket": "mirror", "destinationKey": "copy/key",
 *  "sourceRegion": "ap-northeast-1", "anonymous": true, "size": 123, "etag": "...", "sha256": "...",
 *  "mode": "AUTO", "requestId": "...", "attributes": {"job": "nightly"},
 *  "contentType": "application/zip", "userMetadata": {"owner": "data-team"}}</pre>
 * Only {@code source}, {@code destinationBucket} and {@code destinationKey} are required; or, for any provider,
 * {@code source} and {@code destination}, a location ({@code gs://bucket/key}, {@code az://account/container/key},
 * {@code file:///path}, {@code REMOTE:bucket/key}, {@code s3://bucket/key}), with an optional {@code storageClass}.
 *
 * <p>Why only the shape is checked here: the processor validates every request, whoever published it, and dead-
 * letters what breaks the contract with the reason in headers. Checking twice would let the two rule sets drift.
 */
public final class RequestLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("source", "destinationBucket", "destinationKey", "sourceRegion",
            "anonymous", "size", "etag", "sha256", "mode", "requestId", "attributes", "contentType", "userMetadata",
            "destination", "storageClass");

    private RequestLine() {
    }

    /** @throws IllegalArgumentException with a sentence saying what is wrong with the line */
    public static FileSyncRequest parse(String line, Clock clock) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (known: " + FIELDS + ")");
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        node.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        Map<String, String> userMetadata = new LinkedHashMap<>();
        node.path("userMetadata").properties().forEach(e -> userMetadata.put(e.getKey(), e.getValue().asText()));
        String location = text(node, "destination");
        FileSyncRequest request = build(required(node, "source"), text(node, "sourceRegion"),
                node.path("anonymous").asBoolean(false),
                location != null ? "" : required(node, "destinationBucket"),
                location != null ? "" : required(node, "destinationKey"),
                node.hasNonNull("size") ? node.get("size").asLong() : null,
                text(node, "etag"), text(node, "sha256"), text(node, "mode"), text(node, "requestId"), attributes,
                clock);
        if (location != null) {
            request = withDestination(request, location, text(node, "storageClass"));
        } else if (text(node, "storageClass") != null) {
            request.getDestination().setStorageClass(text(node, "storageClass"));
        }
        return withMetadata(request, text(node, "contentType"), userMetadata);
    }

    /**
     * The request writing to a location of any provider ({@link Destinations#of}).
     *
     * @param storageClass the storage class or access tier for this object, or null for the copier's
     */
    public static FileSyncRequest withDestination(FileSyncRequest request, String location, String storageClass) {
        return FileSyncRequest.newBuilder(request).setDestination(Destinations.of(location, storageClass)).build();
    }

    /**
     * The request asking for this content type and user metadata on the mirrored object instead of the source's;
     * unchanged when neither is given.
     */
    public static FileSyncRequest withMetadata(FileSyncRequest request, String contentType,
                                               Map<String, String> userMetadata) {
        if (contentType == null && userMetadata.isEmpty()) {
            return request;
        }
        return FileSyncRequest.newBuilder(request).setMetadata(MetadataReplacement.newBuilder()
                .setContentType(contentType).setUserMetadata(Map.copyOf(userMetadata)).build()).build();
    }

    /** A request of origin API, as from any outside publisher; a null request id becomes a random UUID. */
    public static FileSyncRequest build(String source, String sourceRegion, boolean anonymous,
                                        String destinationBucket, String destinationKey, Long size, String etag,
                                        String sha256, String mode, String requestId,
                                        Map<String, String> attributes, Clock clock) {
        return FileSyncRequest.newBuilder()
                .setRequestId(requestId != null ? requestId : UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri(source).setRegion(sourceRegion).setAnonymous(anonymous)
                        .build())
                .setDestination(Destination.newBuilder().setBucket(destinationBucket).setKey(destinationKey).build())
                .setExpectedSize(size)
                .setExpectedEtag(etag)
                .setExpectedSha256(sha256)
                .setArchive(archiveKey(source) == null ? null : ArchiveLayout.parse(archiveKey(source)).orElse(null))
                .setMode(mode)
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(clock.instant())
                .setAttributes(Map.copyOf(attributes))
                .build();
    }

    /** The key part of an {@code s3://} or {@code http(s)://} source, for the archive coordinates. */
    private static String archiveKey(String source) {
        try {
            if (source.startsWith("s3://")) {
                return S3Location.parse(source).key();
            }
            String path = URI.create(source).getPath();
            return path == null || path.isEmpty() ? null : path.substring(1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
