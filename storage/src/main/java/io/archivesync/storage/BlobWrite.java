package io.archivesync.storage;

/**
 * An object being written, part by part, in order. Parts are at least the store's smallest part (5 MiB for S3) except
 * the last; a store may buffer or stage them. {@link #id} names the write so that a copier that dies mid-way can find
 * and {@link BlobStore#write resume} or abort it (S3 upload id, GCS resumable session, Azure block ids).
 */
public interface BlobWrite extends AutoCloseable {

    /** The store's name for this write (upload id, session URL, block-id prefix, temporary file), for resuming. */
    String id();

    /** Sends the next part: {@code length} bytes of {@code buffer} from 0. */
    void part(byte[] buffer, int length);

    /** Makes the object visible under its name, whole; returns what the store now says about it. */
    BlobInfo complete();

    /** Gives the write up: nothing stays visible, and whatever was staged is released. Never throws. */
    void abort();

    /** Aborts when neither {@link #complete} nor {@link #abort} was called. */
    @Override
    void close();
}
