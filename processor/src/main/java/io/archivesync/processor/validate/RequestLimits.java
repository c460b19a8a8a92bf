package io.archivesync.processor.validate;

import io.archivesync.avro.ArchiveCoordinates;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import java.util.Map;
import java.util.Optional;

/**
 * How much one request may carry. Requests travel together in a {@code CopyBatch}, one Kafka record that must stay
 * under the producer's {@code max.request.size}: without bounds a few requests with large free-form attributes make a
 * batch no producer can send, and the stream thread dies on it again after every restart. The limits are part of the
 * public contract (docs/sync-requests.md).
 */
public final class RequestLimits {

    /** At most this many attributes per request. */
    public static final int MAX_ATTRIBUTES = 64;
    /** An attribute name is at most this many characters. */
    public static final int MAX_ATTRIBUTE_NAME_CHARS = 128;
    /** Names and values of all attributes together, in UTF-8 bytes. */
    public static final int MAX_ATTRIBUTES_BYTES = 16 * 1024;
    /** {@code metadata.contentType} is at most this many characters. */
    public static final int MAX_CONTENT_TYPE_CHARS = 256;
    /**
     * What a batch needs beyond its requests (batch id, route, bucket, time, map and array framing), and what a request
     * may add to its own encoding in a batch (its entry in {@code currentSourceEtags}, newer fields' defaults).
     */
    public static final int BATCH_OVERHEAD_BYTES = 1024;
    public static final int PER_REQUEST_OVERHEAD_BYTES = 256;

    /** Avro's longest variable-length int (a string's or a map block's length). */
    private static final int VARINT = 5;
    /** Longs, booleans, enum and union indexes, the empty map ends: generously rounded up. */
    private static final int FIXED_FIELDS = 96;

    private RequestLimits() {
    }

    /** The first attribute limit {@code attributes} breaks, or empty. */
    public static Optional<String> checkAttributes(Map<String, String> attributes) {
        if (attributes == null) {
            return Optional.empty();
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            return Optional.of("attributes has " + attributes.size() + " entries; at most " + MAX_ATTRIBUTES
                    + " are allowed");
        }
        long bytes = 0;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().length() > MAX_ATTRIBUTE_NAME_CHARS) {
                return Optional.of("attributes name of " + e.getKey().length() + " characters is longer than "
                        + MAX_ATTRIBUTE_NAME_CHARS);
            }
            bytes += utf8Length(e.getKey()) + utf8Length(e.getValue());
        }
        if (bytes > MAX_ATTRIBUTES_BYTES) {
            return Optional.of("attributes are " + bytes + " bytes (names and values, UTF-8); at most "
                    + MAX_ATTRIBUTES_BYTES + " are allowed");
        }
        return Optional.empty();
    }

    /**
     * An upper bound of the request's size inside a batch: its Avro encoding (every string's UTF-8 length plus its
     * length prefix, every fixed field at its largest) plus {@link #PER_REQUEST_OVERHEAD_BYTES}. Cheap: one pass over
     * the characters, no encoding.
     */
    public static long batchedSizeUpperBound(FileSyncRequest r) {
        long size = FIXED_FIELDS + PER_REQUEST_OVERHEAD_BYTES + string(r.getRequestId())
                + string(r.getExpectedEtag()) + string(r.getExpectedSha256()) + string(r.getMode());
        if (r.getSource() != null) {
            size += string(r.getSource().getUri()) + string(r.getSource().getRegion());
        }
        if (r.getDestination() != null) {
            size += string(r.getDestination().getBucket()) + string(r.getDestination().getKey())
                    + string(r.getDestination().getUri()) + string(r.getDestination().getStorageClass());
        }
        ArchiveCoordinates a = r.getArchive();
        if (a != null) {
            size += string(a.getMarket()) + string(a.getFrequency()) + string(a.getDataType())
                    + string(a.getSymbol()) + string(a.getInterval()) + string(a.getDate());
        }
        size += map(r.getAttributes());
        MetadataReplacement m = r.getMetadata();
        if (m != null) {
            size += string(m.getContentType()) + map(m.getUserMetadata());
        }
        return size;
    }

    private static long map(Map<String, String> map) {
        long size = 2L * VARINT;
        if (map != null) {
            for (Map.Entry<String, String> e : map.entrySet()) {
                size += string(e.getKey()) + string(e.getValue());
            }
        }
        return size;
    }

    private static long string(CharSequence s) {
        return s == null ? 0 : VARINT + utf8Length(s);
    }

    /** UTF-8 bytes of {@code s} (a surrogate pair is 4, an unpaired surrogate, written as '?', is counted 2). */
    static long utf8Length(CharSequence s) {
        if (s == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
