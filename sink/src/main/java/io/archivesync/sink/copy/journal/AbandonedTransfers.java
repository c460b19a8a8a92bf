package io.archivesync.sink.copy.journal;

import io.archivesync.storage.location.Locations;
import io.archivesync.storage.transfer.Checkpoint;
import io.archivesync.storage.transfer.StreamTransfer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives up the streamed writes whose transfers will not run again, so that no upload stays staged and billed: at
 * start-up, each checkpoint that has gone {@code sink.streaming.abandonAfter} without a new part. A live transfer
 * records a checkpoint after every part, and a crashed one is retried within minutes (the group's session timeout and
 * the retries), so a day without a part means its object left the queue (dropped, its source deleted) or keeps
 * failing. The write is aborted through its store (S3 AbortMultipartUpload, GCS session cancelled, a file's
 * temporary file deleted; Azure drops staged blocks by itself) and its checkpoint tombstoned.
 *
 * <p>The store is found from the destination URL through the copier's {@link Locations}. The checkpoint keeps the
 * URL, not the name of the remote it was written through, so a write on a remote that is not the one its scheme
 * resolves to (a second GCS endpoint, say) is looked for in the wrong store, not found there, and only forgotten. A
 * destination that cannot be resolved, or whose store does not answer, is kept for the next start-up.
 * What no checkpoint names (one lost with its topic) is left to the providers' own expiry: an S3 lifecycle rule
 * (AbortIncompleteMultipartUpload), GCS sessions after a week, Azure's staged blocks after 7 days.
 */
public final class AbandonedTransfers {

    private static final Logger LOGGER = LoggerFactory.getLogger(AbandonedTransfers.class);

    private AbandonedTransfers() {
    }

    /**
     * @param abandonAfter {@code sink.streaming.abandonAfter}; 0 abandons nothing
     * @return how many writes were given up
     */
    public static int abandon(KafkaTransferJournal journal, Locations locations, Duration abandonAfter,
                              Clock clock) {
        if (abandonAfter.isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(abandonAfter);
        List<Checkpoint> stale = journal.recordedBefore(cutoff);
        int abandoned = 0;
        for (Checkpoint checkpoint : stale) {
            try {
                Locations.Resolved destination = locations.resolve(checkpoint.destination(), false);
                StreamTransfer.abandon(destination.store(), checkpoint, journal);
                abandoned++;
                LOGGER.info("gave up a streamed write with no part since before {} destination={} writeId={} "
                        + "committedBytes={}", cutoff, checkpoint.destination(), checkpoint.writeId(),
                        checkpoint.committedBytes());
            } catch (RuntimeException e) {
                LOGGER.warn("could not give up a streamed write; kept for the next start-up destination={} "
                        + "writeId={} error={}", checkpoint.destination(), checkpoint.writeId(), e.toString());
            }
        }
        return abandoned;
    }
}
