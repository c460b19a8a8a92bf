package io.archivesync.storage.azure;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.StorageException;

/**
 * An {@code az://account/container/key} location taken apart.
 *
 * @param account   the storage account
 * @param container the container within it
 * @param blob      the blob name (the key), possibly empty for a prefix at the container's root
 */
record AzureLocation(String account, String container, String blob) {

    /**
     * @throws StorageException INVALID when the location is not an Azure one
     */
    static AzureLocation of(BlobRef ref) {
        int slash = ref.container().indexOf('/');
        if (!"az".equals(ref.scheme()) || slash <= 0 || slash == ref.container().length() - 1) {
            throw new StorageException(ErrorKind.INVALID, "InvalidLocation", -1,
                    "'" + ref + "' is not an az://account/container/key location", null);
        }
        return new AzureLocation(ref.container().substring(0, slash), ref.container().substring(slash + 1),
                ref.key());
    }

    /** The same, required to name a blob. */
    static AzureLocation ofBlob(BlobRef ref) {
        AzureLocation location = of(ref);
        if (location.blob().isEmpty()) {
            throw new StorageException(ErrorKind.INVALID, "InvalidLocation", -1,
                    "'" + ref + "' names a container, not a blob", null);
        }
        return location;
    }
}
