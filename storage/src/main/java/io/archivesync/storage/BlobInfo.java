package io.archivesync.storage;

import java.time.Instant;
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

    public BlobInfo {
        checksums = checksums == null ? Checksums.NONE : checksums;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
