package io.archivesync.storage.gcs;

import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a write gives an object: user metadata (with the modification time kept in it) and a storage class
 * checked against the names GCS knows.
 */
final class GcsMetadata {

    /**
     * The metadata key of the source's modification time, in seconds since the epoch: the key {@code gsutil} and
     * {@code gcloud storage} keep file modification times under, so their tools read ours and we read theirs.
     */
    static final String MTIME = "goog-reserved-file-mtime";

    /** Current classes, then the legacy ones GCS still accepts on writes. */
    static final Set<String> STORAGE_CLASSES = Set.of("STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE",
            "MULTI_REGIONAL", "REGIONAL", "DURABLE_REDUCED_AVAILABILITY");

    private GcsMetadata() {
    }

    /** The user metadata to write: the caller's, plus the modification time when one is given. */
    static Map<String, String> of(WriteOptions options) {
        Map<String, String> metadata = new LinkedHashMap<>(options.metadata());
        Instant modified = options.modified();
        if (modified != null) {
            metadata.put(MTIME, Long.toString(modified.getEpochSecond()));
        }
        return metadata;
    }

    /**
     * The storage class to write, upper-cased, or null for the bucket's default.
     *
     * @throws StorageException INVALID for a name GCS does not know (an S3 or Azure tier, say)
     */
    static String storageClass(WriteOptions options) {
        String name = options.storageClass();
        if (name == null || name.isBlank()) {
            return null;
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (!STORAGE_CLASSES.contains(upper)) {
            throw GcsErrors.invalid("InvalidStorageClass", "'" + name + "' is not a GCS storage class (known: "
                    + "STANDARD, NEARLINE, COLDLINE, ARCHIVE; legacy MULTI_REGIONAL, REGIONAL, "
                    + "DURABLE_REDUCED_AVAILABILITY)");
        }
        return upper;
    }

    /** GCS answers a removed key as null; BlobInfo's metadata holds none. */
    static Map<String, String> withoutNulls(Map<String, String> metadata) {
        Map<String, String> copy = new LinkedHashMap<>();
        metadata.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
