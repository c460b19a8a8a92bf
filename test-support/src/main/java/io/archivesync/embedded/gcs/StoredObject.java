package io.archivesync.embedded.gcs;

import java.time.Instant;
import java.util.Map;

/**
 * One live object generation. Immutable: a write replaces the whole record, so readers never see half a write.
 *
 * @param bucket         bucket name
 * @param name           object name
 * @param generation     changes with every write of the content
 * @param metageneration 1 for a new generation (the fixture has no metadata patch)
 * @param content        the bytes; never modified after construction
 * @param attributes     content type, user metadata, storage class
 * @param checksums      MD5 and CRC32C of {@code content}
 * @param created        when this generation was written
 */
record StoredObject(String bucket, String name, long generation, long metageneration, byte[] content,
                    ObjectAttributes attributes, Checksums checksums, Instant created) {

    /** Content type, user metadata and storage class: what a rewrite copies along with the bytes. */
    record ObjectAttributes(String contentType, Map<String, String> metadata, String storageClass) {

        static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
        static final String DEFAULT_STORAGE_CLASS = "STANDARD";

        ObjectAttributes {
            contentType = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
            storageClass = storageClass == null ? DEFAULT_STORAGE_CLASS : storageClass;
        }
    }

    long size() {
        return content.length;
    }
}
