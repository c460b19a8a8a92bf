package io.archivesync.storage;

/**
 * An object being written, part by part, in order. Parts are at least the store's smallest part (5 MiB for S3) except
 * the last; a store may buffer or stage them. {@link #id} names the write so that a copier that dies mid-way can find
 * and {@link BlobStore#resume resume} or abort it (S3 upload id, GCS resumable session, Azure block ids, temporary
 * file).
 */
public interface BlobWrite extends AutoCloseable {

    /**
     * The store's name for this write (upload id, session URL, block-id prefix, temporary file), for resuming; empty
     * while the store holds nothing under a name yet (an S3 write whose first part is held until it is known to be
     * the only one).
     */
    String id();

    /** Sends the next part: {@code length} bytes of {@code buffer} from 0. */
    void part(byte[] buffer, int length);

    /**
     * How many bytes of the object, from the first, the store holds durably: what a {@link BlobStore#resume resumed}
     * write would go on from. Whole parts for S3 and Azure; for GCS what the session persisted (a multiple of 256 KiB,
     * which may end inside a part); for files the temporary file's length (synced after every part). Bytes a store
     * holds back in memory (S3's held first part, GCS's tail of less than 256 KiB) do not count.
     */
    long committedBytes();

    /**
     * Shows a resumed write the next of the bytes it already holds, read again from the source; nothing is sent.
     * Called in order, from the first byte, until {@link #committedBytes} have passed, before any new {@link #part}.
     * A store folds them into the digests it keeps of the whole content (Azure's Content-MD5, the SHA-256 it checks)
     * and compares them with what it holds where it can (S3 part ETags, a file's bytes).
     *
     * @throws StorageException CHECKSUM when they differ from what the store holds: the write cannot be resumed
     *                          into and should be aborted
     */
    default void replay(byte[] buffer, int length) {
        // a store that keeps no digest of its own and cannot compare needs nothing
    }

    /**
     * Says that the caller hashes the content itself (every byte it gives to {@link #replay} and {@link #part}, in
     * order) and will hand the checksums to {@link #complete(Checksums)}: the write then skips the digests of the whole
     * content it would otherwise keep (Azure's whole-blob MD5, S3's SHA-256 of a multipart upload), which would only
     * repeat the caller's. Digests that protect one request on the wire (Azure's MD5 of each block) are kept. Call
     * before the first replay or part; a write told so must be completed by {@link #complete(Checksums)}.
     */
    default void callerHashes() {
        // a store that keeps no digest of the whole content has nothing to skip
    }

    /** Makes the object visible under its name, whole; returns what the store now says about it. */
    BlobInfo complete();

    /**
     * {@link #complete()}, given the checksums of the whole content that the caller computed of exactly the bytes it
     * replayed and sent (see {@link #callerHashes}). A store uses them where it would use its own digest: Azure sets
     * {@code known.md5()} as the blob's Content-MD5; S3 compares {@code known.sha256()} with the SHA-256 the
     * {@link WriteOptions} require before completing a multipart upload. Where the write computed a digest of its
     * own as well, the two must agree.
     *
     * @throws StorageException CHECKSUM when they contradict the write's own digest or the required SHA-256 (nothing
     *                          becomes visible)
     */
    default BlobInfo complete(Checksums known) {
        return complete();
    }

    /**
     * The storage requests this write has made so far: each call to the store's API counted once (an SDK's or
     * transport's own retries of one call are not). For the clouds, HTTP requests: S3's PutObject, or
     * CreateMultipartUpload, each UploadPart and CompleteMultipartUpload (a resumed upload's ListParts pages instead
     * of the create; the HEAD of {@code preconditionsByHead}; an AbortMultipartUpload); Azure's Put Block per part
     * and Put Block List (Get Block List for a resumed write; an abort sends nothing); GCS's session start (or, when
     * resumed, the status query), every chunk PUT and the cancelling DELETE. For files, each file-system step counts
     * as one, as the copier counts a file's HEAD: creating the temporary file (or finding it again), each part
     * written and synced, each replayed part read back, and the commit.
     */
    int requests();

    /** Gives the write up: nothing stays visible, and whatever was staged is released. Never throws. */
    void abort();

    /** Aborts when neither {@link #complete} nor {@link #abort} was called. */
    @Override
    void close();
}
