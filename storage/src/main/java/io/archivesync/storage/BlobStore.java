package io.archivesync.storage;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One place objects live: a bucket service, a container service, a file system, a web server. Small on purpose (as
 * S3Proxy's {@code BlobStore}): what every copy strategy needs, nothing a single provider would be alone in offering.
 *
 * <p>Metadata calls return futures that never throw: failures complete them with a {@link StorageException}. Reads
 * and writes of content are blocking streams, used on the copier's reader and uploader threads, so memory stays
 * bounded by the caller's buffers.
 */
public interface BlobStore extends AutoCloseable {

    /** The URL scheme this store serves: {@code s3}, {@code gs}, {@code az}, {@code file}, {@code https}. */
    String scheme();

    /** What this store can do; callers pick strategies by it, never by the store's class. */
    Capabilities capabilities();

    /** The object's information, or empty when it does not exist. */
    CompletableFuture<Optional<BlobInfo>> head(BlobRef ref);

    /**
     * Opens the object for reading (blocking; on a reader thread).
     *
     * @throws StorageException NOT_FOUND when it does not exist, PRECONDITION when {@code options.ifVersion} no longer
     *                          holds
     */
    BlobRead read(BlobRef ref, ReadOptions options);

    /**
     * Starts writing an object (blocking). Nothing is visible under {@code ref} until {@link BlobWrite#complete}; an
     * abandoned write leaves nothing under it ({@link BlobWrite#abort}, and for files a temporary name).
     */
    BlobWrite write(BlobRef ref, WriteOptions options);

    /**
     * Takes up a write that this or an earlier process started under {@code ref} and neither completed nor aborted,
     * by its {@link BlobWrite#id} (blocking). The write returned already holds its first
     * {@link BlobWrite#committedBytes} bytes; the caller {@link BlobWrite#replay replays} them (read again from the
     * source, not sent) and sends the parts after them. To give such a write up, resume it and abort it.
     *
     * <p>What the store fixed when the write started stays as it was then: S3's and GCS's content type, metadata and
     * storage class, and GCS's precondition. The precondition and SHA-256 of {@code options} apply where the store
     * checks them at the end (S3, Azure, files).
     *
     * @return empty when there is nothing to go on from: the write completed, was aborted or expired, the id is not
     *         one this store made for {@code ref}, or the store cannot resume writes at all (the default). Nothing is
     *         then left to abort, and the caller starts over.
     * @throws StorageException when the store could not be asked (TRANSIENT, THROTTLED, ACCESS): the write may still
     *                          be there, so the caller should not start over as if it were not
     */
    default Optional<BlobWrite> resume(BlobRef ref, String writeId, WriteOptions options) {
        return Optional.empty();
    }

    /**
     * The objects under a prefix, page by page as the store pages them (constant memory: one page at a time).
     *
     * @param delimiter null for a flat listing, {@code "/"} for one level (sub-prefixes are not returned as objects)
     */
    Iterator<BlobPage> list(BlobRef prefix, String delimiter);

    /** Deletes the object; deleting what does not exist succeeds. */
    CompletableFuture<Void> delete(BlobRef ref, Precondition precondition);

    /**
     * Copies an object into this store without its bytes passing through us, when this store can do so from
     * {@code source} (same store; or a source URL it can fetch itself): empty when it cannot, and the caller streams.
     *
     * @param sourceUrl a URL this store's service can read the source from (a presigned S3 URL, say), or null
     */
    Optional<CompletableFuture<BlobInfo>> copy(BlobRef source, String sourceUrl, BlobRef destination,
                                               WriteOptions options);

    /**
     * A URL another service may GET the object from until {@code validity} passes, with no credentials of ours: a
     * presigned S3 URL, an Azure SAS URL, an HTTP(S) object's own URL. Empty when this store cannot make one
     * (anonymous, or a provider without signed URLs here); server-side copies between providers then stream.
     */
    default Optional<String> readUrl(BlobRef ref, Duration validity) {
        return Optional.empty();
    }

    @Override
    void close();
}
