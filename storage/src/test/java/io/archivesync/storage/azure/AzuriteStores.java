package io.archivesync.storage.azure;

import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.storage.BlobRef;
import java.util.UUID;

/** Stores on the stack's Azurite, and fresh containers in them, for the Azure tests. */
final class AzuriteStores {

    private AzuriteStores() {
    }

    static AzureBlobStore store(AzureBlobEndpoint endpoint, long copyBlockBytes) {
        return new AzureBlobStore(config(endpoint, copyBlockBytes));
    }

    /** A store that copies every Azure blob larger than {@code maxSyncCopyBytes} with Copy Blob and a poller. */
    static AzureBlobStore store(AzureBlobEndpoint endpoint, long copyBlockBytes, long maxSyncCopyBytes) {
        return new AzureBlobStore(config(endpoint, copyBlockBytes), maxSyncCopyBytes);
    }

    private static AzureBlobConfig config(AzureBlobEndpoint endpoint, long copyBlockBytes) {
        return new AzureBlobConfig(endpoint.accountName(), endpoint.blobEndpoint(), endpoint.accountKey(),
                copyBlockBytes);
    }

    /** A new container with a unique name (lower case, 3-63 characters, as Azure requires), as a location. */
    static BlobRef freshContainer(AzureBlobStore store, String purpose) {
        String name = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        store.client().createBlobContainer(name);
        return BlobRef.parse("az://" + store.client().getAccountName() + "/" + name);
    }
}
