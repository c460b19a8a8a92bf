package io.archivesync.storage.azure;

import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract every store passes, run by {@link AzureBlobStore} against the stack's Azurite (skipped without node).
 * What Azurite cannot show is in {@link AzureBlobStoreAzuriteIT}.
 */
@ExtendWith(StackExtension.class)
class AzureBlobStoreIT extends BlobStoreContract {

    private static AzureBlobStore store;

    /** Per test, not once per class: without node each test is then reported skipped, with the reason. */
    @BeforeEach
    void connect(Stack stack) {
        if (store == null) {
            store = AzuriteStores.store(stack.azureBlob(), AzureBlobConfig.DEFAULT_COPY_BLOCK_BYTES);
        }
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobRef freshContainer() {
        return AzuriteStores.freshContainer(store, "contract");
    }
}
