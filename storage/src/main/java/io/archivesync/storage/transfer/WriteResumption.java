package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.WriteOptions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a streamed transfer's write begins: taken up again when the journal has a checkpoint for the destination that
 * continues this transfer (the same source URL at the same version, the same part size) and the destination store can
 * resume its write; otherwise afresh, after giving the checkpoint's write up so that nothing is left staged.
 */
final class WriteResumption {

    private static final Logger LOGGER = LoggerFactory.getLogger(WriteResumption.class);

    private WriteResumption() {
    }

    /**
     * The write a transfer sends to.
     *
     * @param write     the write
     * @param committed the bytes of the object it holds already, which the transfer replays and does not send
     * @param resumed   whether it was taken up from the journal's checkpoint (which then knows it)
     * @param spent     the requests of writes found and given up on the way (a checkpoint's write that does not
     *                  continue the transfer); those of the write itself are its own {@link BlobWrite#requests}
     */
    record Opening(BlobWrite write, long committed, boolean resumed, int spent) {
    }

    /**
     * @param mayResume false to start afresh whatever the journal holds (a resumed write turned out to hold other
     *                  bytes, and was given up)
     */
    static Opening open(BlobStore to, BlobInfo source, BlobRef destination, WriteOptions options, int partBytes,
                        TransferJournal journal, boolean mayResume) {
        // an object of one part has nothing to resume: its write is one request, and the journal is not asked (a
        // stale checkpoint of an earlier, larger version is abandoned by the copier's start-up sweep)
        Optional<Checkpoint> found = mayResume && source.size() > partBytes ? journal.find(destination)
                : Optional.empty();
        int spent = 0;
        if (found.isPresent() && !found.get().destination().equals(destination.url())) {
            LOGGER.warn("The journal answered with the checkpoint of another destination; ignoring it "
                    + "destination={} checkpoint={}", destination, found.get());
        } else if (found.isPresent()) {
            Checkpoint checkpoint = found.get();
            if (checkpoint.continues(source, partBytes)) {
                Optional<BlobWrite> resumed = to.resume(destination, checkpoint.writeId(), options);
                if (resumed.isPresent() && resumed.get().committedBytes() <= source.size()) {
                    LOGGER.info("Resuming destination={} writeId={} committedBytes={} of size={}", destination,
                            checkpoint.writeId(), resumed.get().committedBytes(), source.size());
                    return new Opening(resumed.get(), resumed.get().committedBytes(), true, 0);
                }
                resumed.ifPresent(write -> {
                    LOGGER.warn("The write holds more than the source has; giving it up destination={} writeId={} "
                            + "committedBytes={} size={}", destination, write.id(), write.committedBytes(),
                            source.size());
                    write.abort();
                });
                spent += resumed.map(BlobWrite::requests).orElse(0);
                LOGGER.info("Starting over: the write cannot be resumed destination={} writeId={}", destination,
                        checkpoint.writeId());
                journal.done(destination);
            } else {
                LOGGER.info("Starting over: the checkpoint is of another source, version or part size "
                        + "destination={} checkpoint={} source={} version={} partBytes={}", destination, checkpoint,
                        source.ref(), source.version(), partBytes);
                spent += abandon(to, checkpoint, journal);
            }
        }
        return new Opening(to.write(destination, options), 0, false, spent);
    }

    /**
     * See {@link StreamTransfer#abandon}.
     *
     * @return the requests the abandoned write made: finding it again, and its abort (none when the store found
     *         nothing to resume, which a {@link BlobStore#resume} that answers empty does not tell)
     */
    static int abandon(BlobStore to, Checkpoint checkpoint, TransferJournal journal) {
        BlobRef destination = BlobRef.parse(checkpoint.destination());
        Optional<BlobWrite> found = to.resume(destination, checkpoint.writeId(), WriteOptions.DEFAULT);
        found.ifPresent(write -> {
            LOGGER.info("Aborting an abandoned write destination={} writeId={} committedBytes={}", destination,
                    write.id(), write.committedBytes());
            write.abort();
        });
        journal.done(destination);
        return found.map(BlobWrite::requests).orElse(0);
    }
}
