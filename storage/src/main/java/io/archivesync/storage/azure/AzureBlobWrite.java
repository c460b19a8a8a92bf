package io.archivesync.storage.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A block blob being written: each part is staged as one block (Put Block, with its MD5 so that Azure refuses a block
 * damaged on the way), and {@link #complete} commits the list (Put Block List) with the headers, metadata, tier and
 * preconditions, so nothing is visible before. The MD5 of the whole content, computed while staging, goes in as
 * Content-MD5 and comes back from {@code head}; a SHA-256 given in the options is checked before the commit. A caller
 * that hashes the content itself ({@link #callerHashes}: a streamed transfer) gives its MD5 and SHA-256 to
 * {@link #complete(Checksums)} instead, so every byte is not MD5'd once more here: Azure does not check a committed
 * blob's Content-MD5 against its blocks, so it is only as good as whoever computed it. Each block's MD5 stays: it is
 * what lets Azure refuse a block damaged on the wire.
 *
 * <p>An abort commits nothing. Azure has no call to drop uncommitted blocks: it discards them when the blob is next
 * committed by anyone, or garbage-collects them after 7 days. Until then {@link #id} (the write id in every block id)
 * finds them, and a write can be resumed from them ({@link StagedBlocks}): it goes on after the last block, and folds
 * the bytes {@link #replay replayed} from the source into the MD5 and SHA-256, which therefore cover the whole
 * content. Get Block List gives no block's MD5, so the replayed bytes cannot be compared with the staged ones; Azure
 * checked each block's MD5 when it was staged, and the write id is this write's alone.
 */
final class AzureBlobWrite implements BlobWrite {

    private static final Logger LOGGER = LoggerFactory.getLogger(AzureBlobWrite.class);
    /** rclone's key for a modification time kept as metadata (RFC 3339), so that both tools read each other's. */
    static final String MTIME_METADATA = "mtime";

    private final BlockBlobClient blob;
    private final BlobRef ref;
    private final WriteOptions options;
    private final AccessTier tier;
    private final String writeId;
    private final List<String> blockIds = new ArrayList<>();
    private MessageDigest md5 = digest("MD5");
    private MessageDigest sha256;
    private long size;
    private int requests;
    private boolean finished;

    AzureBlobWrite(BlockBlobClient blob, BlobRef ref, WriteOptions options) {
        this(blob, ref, options, BlockIds.newWriteId(), new StagedBlocks(List.of(), 0), 0);
    }

    /**
     * A write that goes on after the blocks write {@code writeId} already staged.
     *
     * @param requests the requests it took to find them (Get Block List)
     */
    AzureBlobWrite(BlockBlobClient blob, BlobRef ref, WriteOptions options, String writeId, StagedBlocks staged,
                   int requests) {
        this.requests = requests;
        this.writeId = writeId;
        this.blockIds.addAll(staged.ids());
        this.size = staged.bytes();
        this.blob = blob;
        this.ref = ref;
        this.options = options;
        this.tier = AccessTiers.parse(options.storageClass());
        this.sha256 = options.sha256() == null ? null : digest("SHA-256");
    }

    @Override
    public String id() {
        return writeId;
    }

    @Override
    public long committedBytes() {
        return size;
    }

    @Override
    public int requests() {
        return requests;
    }

    @Override
    public void callerHashes() {
        md5 = null;
        sha256 = null;
    }

    @Override
    public void replay(byte[] buffer, int length) {
        if (md5 != null) {
            md5.update(buffer, 0, length);
        }
        if (sha256 != null) {
            sha256.update(buffer, 0, length);
        }
    }

    @Override
    public void part(byte[] buffer, int length) {
        if (finished) {
            throw new IllegalStateException("write " + writeId + " of " + ref + " is finished");
        }
        if (length > Limits.MAX_BLOCK_BYTES) {
            throw new StorageException(ErrorKind.INVALID, "BlockTooLarge", -1, "a part of " + length
                    + " bytes exceeds Azure's " + Limits.MAX_BLOCK_BYTES + " per block for " + ref, null);
        }
        String blockId = BlockIds.blockId(writeId, blockIds.size() + 1);
        MessageDigest blockMd5 = digest("MD5");
        blockMd5.update(buffer, 0, length);
        byte[] partMd5 = blockMd5.digest();
        if (md5 != null) {
            md5.update(buffer, 0, length);
        }
        if (sha256 != null) {
            sha256.update(buffer, 0, length);
        }
        requests++;
        try {
            blob.stageBlockWithResponse(new BlockBlobStageBlockOptions(blockId,
                    BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, length))).setContentMd5(partMd5),
                    null, Context.NONE);
        } catch (RuntimeException e) {
            throw AzureErrors.classify(e, "stage block " + (blockIds.size() + 1) + " of " + ref);
        }
        blockIds.add(blockId);
        size += length;
    }

    @Override
    public BlobInfo complete() {
        return complete(Checksums.NONE);
    }

    @Override
    public BlobInfo complete(Checksums known) {
        if (finished) {
            throw new IllegalStateException("write " + writeId + " of " + ref + " is finished");
        }
        finished = true;
        byte[] contentMd5 = contentMd5(known);
        checkSha256(known);
        Map<String, String> metadata = new HashMap<>(options.metadata());
        if (options.modified() != null) {
            metadata.putIfAbsent(MTIME_METADATA, options.modified().toString());
        }
        requests++;
        try {
            BlockBlobItem item = blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(blockIds)
                    .setHeaders(new BlobHttpHeaders().setContentType(options.contentType()).setContentMd5(contentMd5))
                    .setMetadata(metadata.isEmpty() ? null : metadata)
                    .setTier(tier)
                    .setRequestConditions(AzureBlobs.conditions(options.precondition())), null, Context.NONE)
                    .getValue();
            LOGGER.debug("Committed blob={} writeId={} blocks={} bytes={}", ref, writeId, blockIds.size(), size);
            return new BlobInfo(ref, size, AzureBlobs.unquote(item.getETag()),
                    new Checksums(HexFormat.of().formatHex(contentMd5), null, options.sha256()),
                    options.contentType(), metadata, AzureBlobs.instant(item.getLastModified()),
                    tier == null ? null : tier.toString());
        } catch (RuntimeException e) {
            throw AzureErrors.classify(e, "commit " + blockIds.size() + " blocks of " + ref);
        }
    }

    @Override
    public void abort() {
        if (!finished) {
            finished = true;
            LOGGER.debug("Aborted blob={} writeId={} stagedBlocks={} (uncommitted, collected by Azure within 7 days)",
                    ref, writeId, blockIds.size());
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** The blob's Content-MD5: this write's own digest, else the caller's; both must agree when both exist. */
    private byte[] contentMd5(Checksums known) {
        if (md5 == null) {
            if (known.md5() == null) {
                throw new IllegalStateException("the write " + writeId + " of " + ref + " was told the caller hashes"
                        + " the content, which gave no MD5");
            }
            return HexFormat.of().parseHex(known.md5());
        }
        byte[] own = md5.digest();
        if (known.md5() != null && !known.md5().equals(HexFormat.of().formatHex(own))) {
            throw new StorageException(ErrorKind.CHECKSUM, "Md5Mismatch", -1, "the content written to " + ref
                    + " has MD5 " + HexFormat.of().formatHex(own) + ", not the " + known.md5() + " its writer "
                    + "computed; nothing was committed", null);
        }
        return own;
    }

    /** Checks the SHA-256 the options require: against this write's own digest, else the caller's. */
    private void checkSha256(Checksums known) {
        if (options.sha256() == null) {
            return;
        }
        String actual = sha256 != null ? HexFormat.of().formatHex(sha256.digest()) : known.sha256();
        if (actual == null) {
            throw new IllegalStateException("the write " + writeId + " of " + ref + " was told the caller hashes the"
                    + " content, which gave no SHA-256 to check against " + options.sha256());
        }
        if (!actual.equals(options.sha256().toLowerCase(Locale.ROOT))) {
            throw new StorageException(ErrorKind.CHECKSUM, "Sha256Mismatch", -1, "the content written to " + ref
                    + " has SHA-256 " + actual + ", not " + options.sha256() + "; nothing was committed", null);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }
}
