package io.archivesync.sink.copy;

import io.archivesync.storage.BlobRef;
import io.archivesync.storage.transfer.Checkpoint;
import io.archivesync.storage.transfer.TransferJournal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A journal around another that counts the parts a transfer sent (one checkpoint each) and can play the copier
 * dying: after {@code crashAfter} checkpoints were recorded in the real journal, it throws, and from then on answers
 * nothing, as a dead process would not.
 */
final class WatchedJournal implements TransferJournal {

    /** What the dying copier throws: the process is gone right after the checkpoint was recorded. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(String message) {
            super(message);
        }
    }

    private final TransferJournal journal;
    private final int crashAfter;
    private final List<Checkpoint> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean dead;

    /**
     * @param crashAfter checkpoints recorded before the copier dies, at least 2; -1 never. The transfer takes the
     *                   journal's failure for one that may pass and keeps its write as the checkpoint before describes
     *                   it, as after a real crash; on the first checkpoint it would abort the write instead
     */
    WatchedJournal(TransferJournal journal, int crashAfter) {
        this.journal = journal;
        this.crashAfter = crashAfter;
    }

    /** The checkpoints recorded in the real journal: one per part sent. */
    List<Checkpoint> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    public Optional<Checkpoint> find(BlobRef destination) {
        alive();
        return journal.find(destination);
    }

    @Override
    public void progress(Checkpoint checkpoint) {
        alive();
        journal.progress(checkpoint);
        recorded.add(checkpoint);
        if (recorded.size() == crashAfter) {
            dead = true;
            throw new Crash("the copier died after " + checkpoint.committedBytes() + " bytes of "
                    + checkpoint.destination());
        }
    }

    @Override
    public void done(BlobRef destination) {
        alive();
        journal.done(destination);
    }

    private void alive() {
        if (dead) {
            throw new Crash("the copier is dead");
        }
    }
}
