package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobInfo;
import java.util.Objects;

/**
 * How far a streamed transfer got, as a {@link TransferJournal} keeps it: enough to find its unfinished write again
 * ({@link io.archivesync.storage.BlobStore#resume}) and to know whether it may be resumed into. Plain strings and
 * numbers, so that a journal can keep it anywhere (a compacted Kafka topic keyed by the destination URL, say).
 *
 * @param destination    the destination's URL ({@link io.archivesync.storage.BlobRef#url})
 * @param source         the source's URL
 * @param sourceVersion  the source's version the bytes were read at: a write is never resumed into from another
 * @param writeId        the destination store's id of the write ({@link io.archivesync.storage.BlobWrite#id})
 * @param partBytes      the part size the transfer ran with
 * @param committedBytes the bytes the destination store held durably when this was recorded; the store's own count
 *                       at resumption may be larger (a part accepted just before a crash), never smaller
 */
public record Checkpoint(String destination, String source, String sourceVersion, String writeId, int partBytes,
                         long committedBytes) {

    public Checkpoint {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceVersion, "sourceVersion");
        if (writeId == null || writeId.isBlank()) {
            throw new IllegalArgumentException("a checkpoint of " + destination + " needs the write's id");
        }
        if (partBytes <= 0 || committedBytes < 0) {
            throw new IllegalArgumentException("a checkpoint of " + destination + " has a positive part size and no "
                    + "fewer than 0 bytes committed, not " + partBytes + " and " + committedBytes);
        }
    }

    /** Whether a transfer of {@code from} in parts of {@code bytes} may go on from this: the same source, unchanged. */
    boolean continues(BlobInfo from, int bytes) {
        return source.equals(from.ref().url()) && sourceVersion.equals(from.version()) && partBytes == bytes;
    }
}
