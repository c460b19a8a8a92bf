package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.util.function.LongConsumer;

/**
 * Streams one object from one store to another through this process: no local disk, and memory bounded by two part
 * buffers per transfer (the next part is read and hashed while one is sent). The source is read once, pinned to the
 * version its HEAD saw, and hashed as it passes (MD5, CRC32C, SHA-256). Before the last step makes the object visible,
 * the hashes are checked against the source's own checksums and against the expected SHA-256 (a {@code .CHECKSUM}
 * sidecar): a mismatch aborts the write, so a bad copy never becomes visible and never replaces a good one. The write
 * is told that its caller hashes the content ({@link io.archivesync.storage.BlobWrite#callerHashes}) and is completed
 * with those checksums, so no store digests the whole content a second time (Azure's Content-MD5, S3's SHA-256 check of
 * a multipart upload).
 *
 * <p><b>Resuming.</b> With a {@link TransferJournal}, each part the destination accepted is recorded as a {@link
 * Checkpoint}, and a transfer that finds one for its destination, of the same source URL and version and the same part
 * size, takes the unfinished write up again ({@link BlobStore#resume}) instead of starting over. The hashes are of the
 * whole content, so the bytes the destination already holds are read again from the source (the same single read, from
 * its first byte) and hashed, but not sent: a resumed 50 GiB transfer that died at 40 GiB reads 50 GiB and uploads 10.
 * Those bytes are also shown to the write ({@link io.archivesync.storage.BlobWrite#replay}), which folds them into its
 * own digests and compares them with what it holds where the store allows (files); a write that holds other bytes is
 * aborted and the transfer starts over at once. Other ways were weighed and not taken: keeping the digests' state in
 * the checkpoint (not portable across JDKs for MD5 and SHA-256, and it would trust bytes nobody re-read), or composing
 * per-part checksums (S3's COMPOSITE, GCS's compose) that are not the whole-content SHA-256 the archive publishes.
 *
 * <p>A checkpoint that does not continue the transfer (the source changed, or the part size did) has its write aborted
 * before the transfer starts afresh, so it is not left behind; a failure that may pass keeps the write for the next
 * attempt ({@link TransferRun}).
 */
public final class StreamTransfer {

    private StreamTransfer() {
    }

    /**
     * What a streamed copy did.
     *
     * @param written      what the destination store says about the new object
     * @param bytes        the bytes read from the source, those replayed into a resumed write included
     * @param computed     the checksums of those bytes
     * @param requests     storage requests made: the source's read (one per attempt: a resumed write that held
     *                     other bytes than the source means a second read), plus what the destination's writes
     *                     counted ({@link io.archivesync.storage.BlobWrite#requests}: the one that completed, and any
     *                     found and given up on the way). The caller's HEAD of the source is not in it
     * @param resumedBytes the bytes the destination held already and were not sent again (0: started afresh)
     */
    public record Streamed(BlobInfo written, long bytes, Checksums computed, int requests, long resumedBytes) {
    }

    /** {@link #stream(BlobStore, BlobInfo, BlobStore, BlobRef, WriteOptions, String, int, LongConsumer,
     * TransferJournal)} with no journal: never resumes, and a failure aborts the write. */
    public static Streamed stream(BlobStore from, BlobInfo source, BlobStore to, BlobRef destination,
                                  WriteOptions options, String expectedSha256, int partBytes, LongConsumer progress) {
        return stream(from, source, to, destination, options, expectedSha256, partBytes, progress,
                TransferJournal.NONE);
    }

    /**
     * @param source         what the source's HEAD said (its version pins the read, its checksums are checked)
     * @param expectedSha256 the SHA-256 the content must have (lower-case hex), or null
     * @param partBytes      the part size: the transfer holds two parts (one read while the other is sent)
     * @param progress       told the bytes of each part as it is sent (not those a resumed write held already)
     * @param journal        where checkpoints are found and recorded ({@link TransferJournal#NONE}: nowhere)
     * @throws StorageException CHECKSUM when the bytes contradict the source's checksums or the expected SHA-256
     *                          (nothing written stays); TRANSIENT when the source ends early; whatever either store
     *                          throws
     */
    public static Streamed stream(BlobStore from, BlobInfo source, BlobStore to, BlobRef destination,
                                  WriteOptions options, String expectedSha256, int partBytes, LongConsumer progress,
                                  TransferJournal journal) {
        if (partBytes <= 0) {
            throw new IllegalArgumentException("partBytes must be positive, was " + partBytes);
        }
        WriteOptions sized = options.size() >= 0 ? options : new WriteOptions(options.contentType(),
                options.metadata(), options.storageClass(), source.size(), options.sha256(), options.modified(),
                options.precondition());
        return new TransferRun(from, source, to, destination, sized, expectedSha256, partBytes, progress, journal)
                .run();
    }

    /**
     * Gives up the write a checkpoint names, and forgets the checkpoint: for a transfer that will not be run again
     * (its object left the queue, its source is gone), so that no upload stays staged. S3 aborts the multipart upload
     * and GCS cancels the session; a file write deletes its temporary file; Azure has no call to drop staged blocks,
     * which it discards at the blob's next commit or after 7 days.
     *
     * @param to the destination's store
     * @throws StorageException when the store could not be asked (the checkpoint is then kept)
     */
    public static void abandon(BlobStore to, Checkpoint checkpoint, TransferJournal journal) {
        WriteResumption.abandon(to, checkpoint, journal);
    }
}
