package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobRef;
import java.util.Optional;

/**
 * Where streamed transfers keep their {@link Checkpoint}s, so that a copier that dies part-way through a large object
 * resumes on restart from the last part the destination holds, instead of starting over: neither rclone nor s5cmd
 * resumes a half-done multipart upload. One checkpoint per destination; the copier keeps them on a compacted Kafka
 * topic keyed by the destination URL ({@link #done} a tombstone), and {@link #NONE} keeps nothing.
 *
 * <p>A journal is also how abandoned writes are found: a checkpoint whose transfer will not be run again (the object
 * was dropped from the queue, its source deleted) names a write to give up with
 * {@link StreamTransfer#abandon}, so that no upload is left staged and billed.
 */
public interface TransferJournal {

    /** Keeps nothing and finds nothing: every transfer starts afresh, and a failed one aborts its write. */
    TransferJournal NONE = NoJournal.INSTANCE;

    /** The last checkpoint recorded for {@code destination} and not yet {@link #done}, if any. */
    Optional<Checkpoint> find(BlobRef destination);

    /**
     * Records how far a transfer got, after each part the destination store accepted durably. When this throws, the
     * transfer fails and its write is kept as the last checkpoint that was recorded describes it.
     */
    void progress(Checkpoint checkpoint);

    /** Forgets {@code destination}'s checkpoint: its write completed, or was aborted. */
    void done(BlobRef destination);
}
