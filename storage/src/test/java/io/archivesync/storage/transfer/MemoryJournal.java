package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TransferJournal} in memory, as the copier's compacted topic would keep it (the last checkpoint per
 * destination), that can also play a copier dying: {@link #crashOnceAt} makes it record a checkpoint and then throw.
 */
public final class MemoryJournal implements TransferJournal {

    /** What a crashing journal throws: the process "dies" right after the checkpoint was recorded. */
    public static final class Crash extends RuntimeException {
        Crash(Checkpoint at) {
            super("the copier died after " + at.committedBytes() + " bytes of " + at.destination());
        }
    }

    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
    private long crashAt = -1;

    /** The next checkpoint of at least {@code committedBytes} is recorded, then {@link Crash} is thrown (once). */
    public MemoryJournal crashOnceAt(long committedBytes) {
        crashAt = committedBytes;
        return this;
    }

    @Override
    public Optional<Checkpoint> find(BlobRef destination) {
        return Optional.ofNullable(checkpoints.get(destination.url()));
    }

    @Override
    public void progress(Checkpoint checkpoint) {
        checkpoints.put(checkpoint.destination(), checkpoint);
        if (crashAt >= 0 && checkpoint.committedBytes() >= crashAt) {
            crashAt = -1;
            throw new Crash(checkpoint);
        }
    }

    @Override
    public void done(BlobRef destination) {
        checkpoints.remove(destination.url());
    }
}
