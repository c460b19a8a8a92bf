package io.archivesync.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What a store says about one object.
 *
 * @param ref          where it is
 * @param size         its length in bytes
 * @param version      what changes when the object is replaced: the ETag (S3, Azure, HTTP, unquoted), the generation
 *                     (GCS), or size and modification time (files); compared only with versions of the same store
 * @param checksums    the checksums the store keeps or computed, whichever it has
 * @param contentType  the content type, or null
 * @param metadata     user metadata (never null)
 * @param lastModified when it was last written, or null
 * @param storageClass the storage class or access tier, or null for the default
 */
public record BlobInfo(BlobRef ref, long size, String version, Checksums checksums, String contentType,
                       Map<String, String> metadata, Instant lastModified, String storageClass) {

    /** The user-metadata keys a file's modification time is kept under: rclone's and S3/Azure's, then gsutil's. */
    public static final List<String> MTIME_KEYS = List.of("mtime", "goog-reserved-file-mtime");

    public BlobInfo {
        checksums = checksums == null ? Checksums.NONE : checksums;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * The modification time the object stands for, to the second: the one kept in its metadata when it was uploaded
     * from a file (an ISO-8601 instant or epoch seconds, under {@link #MTIME_KEYS}), else when it was last written.
     * Null when neither is known.
     */
    public Instant modified() {
        for (String key : MTIME_KEYS) {
            String kept = metadata.get(key);
            if (kept != null) {
                try {
                    return kept.matches("\\d+(\\.\\d+)?")
                            ? Instant.ofEpochSecond((long) Double.parseDouble(kept))
                            : Instant.parse(kept).truncatedTo(ChronoUnit.SECONDS);
                } catch (RuntimeException e) {
                    // not a time: fall back to lastModified
                }
            }
        }
        return lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
    }
}
