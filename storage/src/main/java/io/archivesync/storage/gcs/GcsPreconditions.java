package io.archivesync.storage.gcs;

import com.google.cloud.storage.Storage;
import io.archivesync.storage.Precondition;
import java.util.List;

/**
 * A {@link Precondition} as GCS generation conditions: a version is a generation ({@code ifGenerationMatch}),
 * absence is {@code ifGenerationMatch=0}.
 */
final class GcsPreconditions {

    private GcsPreconditions() {
    }

    /** The {@code ifGenerationMatch} value, or null for none. */
    static Long generationMatch(Precondition precondition) {
        if (precondition.absent()) {
            return 0L;
        }
        return precondition.ifVersion() == null ? null : generation(precondition.ifVersion());
    }

    static List<Storage.BlobTargetOption> target(Precondition precondition) {
        if (precondition.absent()) {
            return List.of(Storage.BlobTargetOption.doesNotExist());
        }
        Long generation = generationMatch(precondition);
        return generation == null ? List.of() : List.of(Storage.BlobTargetOption.generationMatch(generation));
    }

    static Storage.BlobSourceOption[] source(Precondition precondition) {
        Long generation = generationMatch(precondition);
        return generation == null ? new Storage.BlobSourceOption[0]
                : new Storage.BlobSourceOption[] {Storage.BlobSourceOption.generationMatch(generation)};
    }

    /**
     * A version of this store as a generation.
     *
     * @throws io.archivesync.storage.StorageException INVALID for a version that is not a generation (an ETag of
     *                                                 another store)
     */
    static long generation(String version) {
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw GcsErrors.invalid("InvalidGeneration", "'" + version + "' is not a GCS generation");
        }
    }
}
