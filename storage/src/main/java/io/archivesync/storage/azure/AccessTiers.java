package io.archivesync.storage.azure;

import com.azure.storage.blob.models.AccessTier;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.util.Locale;

/**
 * The access tiers a block blob can be written to: Hot, Cool, Cold and Archive, named in any case. Premium tiers (P4 to
 * P80) belong to page blobs and are refused, as is any other name, before a request is sent.
 */
final class AccessTiers {

    private AccessTiers() {
    }

    /**
     * The tier named, or null for the account's default tier.
     *
     * @throws StorageException INVALID for a name that is not a block blob tier
     */
    static AccessTier parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "hot" -> AccessTier.HOT;
            case "cool" -> AccessTier.COOL;
            case "cold" -> AccessTier.COLD;
            case "archive" -> AccessTier.ARCHIVE;
            default -> throw new StorageException(ErrorKind.INVALID, "InvalidAccessTier", -1,
                    "'" + name + "' is not an Azure access tier for block blobs (Hot, Cool, Cold, Archive)", null);
        };
    }
}
