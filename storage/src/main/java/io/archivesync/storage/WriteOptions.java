package io.archivesync.storage;

import java.time.Instant;
import java.util.Map;

/**
 * How to write.
 *
 * @param contentType   the content type, or null
 * @param metadata      user metadata (never null)
 * @param storageClass  the storage class or access tier (validated by each store for its own names), or null
 * @param size          the size when known in advance (lets a store choose one request or parts), or -1
 * @param sha256        the SHA-256 (hex) the content must have, checked by the store where it can, or null
 * @param modified      the modification time to keep (files get it as their mtime; clouds as metadata), or null
 * @param precondition  what must hold at the destination for the write to happen
 */
public record WriteOptions(String contentType, Map<String, String> metadata, String storageClass, long size,
                           String sha256, Instant modified, Precondition precondition) {

    public static final WriteOptions DEFAULT = new WriteOptions(null, Map.of(), null, -1, null, null,
            Precondition.NONE);

    public WriteOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        precondition = precondition == null ? Precondition.NONE : precondition;
    }
}
