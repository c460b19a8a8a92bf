package io.archivesync.storage.azure;

import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.transfer.StreamResumeContract;
import io.archivesync.storage.transfer.Wire;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resuming a streamed transfer into Azure Blob (the stack's Azurite; skipped without node): the write id is the prefix
 * of its block ids, Get Block List (uncommitted) finds its staged blocks, and they go in part order. Azure has no call
 * to drop staged blocks, so an aborted write's stay until the blob's next commit (or 7 days).
 */
@ExtendWith(StackExtension.class)
class AzureStreamResumeIT extends StreamResumeContract {

    private static final int PART = 1024 * 1024;

    private static final AtomicInteger SENT = new AtomicInteger();

    private static AzureBlobStore store;
    private static AzureBlobStore counted;

    /** Per test, not once per class: without node each test is then reported skipped, with the reason. */
    @BeforeEach
    void connect(Stack stack) {
        if (store == null) {
            store = AzuriteStores.store(stack.azureBlob(), AzureBlobConfig.DEFAULT_COPY_BLOCK_BYTES);
            counted = AzuriteStores.counted(stack.azureBlob(), SENT);
        }
    }

    /** Put Block per part and Put Block List; resumed, Get Block List first. There is no create. */
    @Override
    protected int writeRequests(int sent, int held) {
        return (held > 0 ? 1 : 0) + sent + 1;
    }

    @Override
    protected Optional<Wire> wire() {
        return Optional.of(new Wire(counted, SENT::get));
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobRef freshContainer() {
        return AzuriteStores.freshContainer(store, "resume");
    }

    @Override
    protected int partBytes() {
        return PART;
    }

    @Override
    protected boolean abortReleasesStagedBytes() {
        return false;
    }

    @Override
    protected boolean isLeftBehind(BlobRef destination, String writeId) {
        AzureLocation location = AzureLocation.ofBlob(destination);
        BlockBlobClient blob = store.client().getBlobContainerClient(location.container())
                .getBlobClient(location.blob()).getBlockBlobClient();
        try {
            return blob.listBlocks(BlockListType.UNCOMMITTED).getUncommittedBlocks().stream()
                    .anyMatch(block -> writeId.equals(BlockIds.writeIdOf(block.getName())));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
