package io.archivesync.storage.azure;

import com.azure.storage.blob.models.Block;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.archivesync.storage.BlobRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks an unfinished write staged and did not commit, found again by its write id (Get Block List, uncommitted),
 * for resuming it: that write's blocks in part order, numbered from 1 without a gap (a block after a gap is staged
 * again under its id, which replaces it). Azure keeps a block whole or not at all, and discards every uncommitted
 * block when the blob is next committed by anyone, or after 7 days.
 *
 * @param ids   the block ids, part 1 first
 * @param bytes their total size
 */
record StagedBlocks(List<String> ids, long bytes) {

    private static final Logger LOGGER = LoggerFactory.getLogger(StagedBlocks.class);

    StagedBlocks {
        ids = List.copyOf(ids);
    }

    /** The blocks of write {@code writeId} of {@code ref}; empty when it has none (committed, collected, never). */
    static Optional<StagedBlocks> of(BlockBlobClient blob, BlobRef ref, String writeId) {
        List<Block> uncommitted;
        try {
            uncommitted = blob.listBlocks(BlockListType.UNCOMMITTED).getUncommittedBlocks();
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw AzureErrors.classify(e, "get the uncommitted blocks of " + ref);
        }
        List<Block> ours = new ArrayList<>();
        for (Block block : uncommitted) {
            if (BlockIds.numberOf(block.getName(), writeId) > 0) {
                ours.add(block);
            }
        }
        ours.sort(Comparator.comparingInt(b -> BlockIds.numberOf(b.getName(), writeId)));
        List<String> ids = new ArrayList<>();
        long bytes = 0;
        for (Block block : ours) {
            int number = BlockIds.numberOf(block.getName(), writeId);
            if (number != ids.size() + 1) {
                LOGGER.warn("Staged blocks have a gap before part={}; resuming after part={} blob={} writeId={}",
                        number, ids.size(), ref, writeId);
                break;
            }
            ids.add(block.getName());
            bytes += block.getSizeLong();
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new StagedBlocks(ids, bytes));
    }
}
