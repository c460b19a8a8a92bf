package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobRef;
import java.util.Optional;

/** {@link TransferJournal#NONE}: a journal that keeps nothing. */
enum NoJournal implements TransferJournal {
    INSTANCE;

    @Override
    public Optional<Checkpoint> find(BlobRef destination) {
        return Optional.empty();
    }

    @Override
    public void progress(Checkpoint checkpoint) {
        // nothing kept
    }

    @Override
    public void done(BlobRef destination) {
        // nothing kept
    }
}
