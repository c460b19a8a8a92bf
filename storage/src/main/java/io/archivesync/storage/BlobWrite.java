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

    /** Makes the object visible under its name, whole; returns what the store now says about it. */
    BlobInfo complete();

    /** Gives the write up: nothing stays visible, and whatever was staged is released. Never throws. */
    void abort();

    /** Aborts when neither {@link #complete} nor {@link #abort} was called. */
    @Override
    void close();
}
