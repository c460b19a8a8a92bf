package io.archivesync.storage.azure;

import com.azure.core.http.RequestConditions;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.storage.blob.BlobAsyncClient;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.options.BlobBeginCopyOptions;
import com.azure.storage.blob.options.BlobCopyFromUrlOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockFromUrlOptions;
import com.azure.storage.blob.specialized.BlockBlobAsyncClient;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The three ways Azure copies without the bytes passing through us, chosen by where the source is and its size:
 * <ul>
 *   <li>an Azure blob up to 256 MiB: Copy Blob From URL, synchronous (done when the call returns);</li>
 *   <li>a larger Azure blob: Copy Blob, asynchronous on Azure's side, polled until it succeeds or fails;</li>
 *   <li>any other URL (a presigned S3 or GCS URL): Put Block From URL for each range, a few at a time, then Put Block
 *       List, as a write would. Azure fetches the ranges itself.</li>
 * </ul>
 * The Azure blob ways carry the source's properties and metadata (unless metadata is given); the ranged way takes the
 * content type and metadata of the options, as a write does. An Azure source is pinned to the ETag seen before the
 * copy, so a source replaced mid-copy fails it (PRECONDITION) rather than mixing versions.
 */
final class AzureCopier {

    private static final Logger LOGGER = LoggerFactory.getLogger(AzureCopier.class);
    private static final int RANGES_IN_FLIGHT = 4;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final long MIB = 1024L * 1024;

    private final long copyBlockBytes;
    private final long maxSyncCopyBytes;

    /**
     * @param maxSyncCopyBytes the largest Azure source copied synchronously: the service's 256 MiB, or less in tests
     *                         of the asynchronous way
     */
    AzureCopier(long copyBlockBytes, long maxSyncCopyBytes) {
        this.copyBlockBytes = copyBlockBytes;
        this.maxSyncCopyBytes = maxSyncCopyBytes;
    }

    /**
     * Copies an Azure blob by URL.
     *
     * @param sourceEtag the source's ETag (quoted, as the client gives it) to pin it to, or null
     */
    Mono<Void> copyBlob(String sourceUrl, long size, String sourceEtag, BlobAsyncClient target,
                        WriteOptions options) {
        AccessTier tier = AccessTiers.parse(options.storageClass());
        Map<String, String> metadata = options.metadata().isEmpty() ? null : options.metadata();
        BlobRequestConditions destination = AzureBlobs.conditions(options.precondition());
        if (size <= maxSyncCopyBytes) {
            return target.copyFromUrlWithResponse(new BlobCopyFromUrlOptions(sourceUrl)
                    .setMetadata(metadata).setTier(tier).setDestinationRequestConditions(destination)
                    .setSourceRequestConditions(sourceEtag == null ? null
                            : new RequestConditions().setIfMatch(sourceEtag))).then();
        }
        return target.beginCopy(new BlobBeginCopyOptions(sourceUrl).setMetadata(metadata).setTier(tier)
                        .setDestinationRequestConditions(destination).setPollInterval(POLL_INTERVAL))
                .last()
                .flatMap(last -> LongRunningOperationStatus.SUCCESSFULLY_COMPLETED.equals(last.getStatus())
                        ? Mono.<Void>empty()
                        : Mono.error(new StorageException(ErrorKind.TRANSIENT, "CopyFailed", -1,
                                "the copy to " + target.getBlobName() + " ended " + last.getStatus() + ": "
                                        + (last.getValue() == null ? "" : last.getValue().getError()), null)));
    }

    /** Copies any URL Azure can read, range by range (Put Block From URL), then commits the blocks. */
    Mono<Void> copyRanges(String sourceUrl, long size, BlockBlobAsyncClient target, WriteOptions options) {
        AccessTier tier = AccessTiers.parse(options.storageClass());
        long block = blockBytes(size);
        int blocks = (int) ((size + block - 1) / block);
        String writeId = BlockIds.newWriteId();
        LOGGER.debug("Copying by ranges blob={} bytes={} blocks={} blockBytes={} writeId={}",
                target.getBlobName(), size, blocks, block, writeId);
        Map<String, String> metadata = new HashMap<>(options.metadata());
        if (options.modified() != null) {
            metadata.putIfAbsent(AzureBlobWrite.MTIME_METADATA, options.modified().toString());
        }
        return Flux.range(1, blocks)
                .flatMapSequential(n -> {
                    String id = BlockIds.blockId(writeId, n);
                    long offset = (n - 1) * block;
                    return target.stageBlockFromUrlWithResponse(new BlockBlobStageBlockFromUrlOptions(id, sourceUrl)
                            .setSourceRange(new BlobRange(offset, Math.min(block, size - offset)))).thenReturn(id);
                }, RANGES_IN_FLIGHT)
                .collectList()
                .flatMap((List<String> ids) -> target.commitBlockListWithResponse(
                        new BlockBlobCommitBlockListOptions(ids)
                                .setHeaders(new BlobHttpHeaders().setContentType(options.contentType()))
                                .setMetadata(metadata.isEmpty() ? null : metadata)
                                .setTier(tier)
                                .setRequestConditions(AzureBlobs.conditions(options.precondition()))))
                .then();
    }

    /** The configured block, grown (in whole MiB) when the object needs more than 50,000 of them. */
    long blockBytes(long size) {
        long needed = (size + Limits.MAX_BLOCKS - 1) / Limits.MAX_BLOCKS;
        long block = Math.max(copyBlockBytes, (needed + MIB - 1) / MIB * MIB);
        if (block > Limits.MAX_BLOCK_BYTES) {
            throw new StorageException(ErrorKind.INVALID, "BlobTooLarge", -1, size
                    + " bytes exceed what 50,000 blocks of 4000 MiB hold", null);
        }
        return block;
    }
}
