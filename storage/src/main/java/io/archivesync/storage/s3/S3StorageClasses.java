package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.util.Set;

/**
 * The storage classes S3 accepts on a write. Checked before the first request, so a misspelt class fails at once
 * ({@code INVALID}) instead of after a multi-gigabyte upload; the SDK's enum also holds classes of other services
 * (Outposts, Snow, FSx) that a bucket refuses.
 */
final class S3StorageClasses {

    static final Set<String> NAMES = Set.of("STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER",
            "GLACIER_IR", "DEEP_ARCHIVE", "REDUCED_REDUNDANCY", "EXPRESS_ONEZONE");

    private S3StorageClasses() {
    }

    /** The class as S3 names it, or null for the bucket's default. */
    static String validate(String storageClass, Object where) {
        if (storageClass == null || storageClass.isBlank()) {
            return null;
        }
        if (!NAMES.contains(storageClass)) {
            throw new StorageException(ErrorKind.INVALID, "InvalidStorageClass", -1, "writing " + where
                    + ": S3 has no storage class '" + storageClass + "' (known: " + String.join(", ",
                    NAMES.stream().sorted().toList()) + ")", null);
        }
        return storageClass;
    }
}
