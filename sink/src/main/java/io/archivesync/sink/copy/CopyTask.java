package io.archivesync.sink.copy;

import io.archivesync.avro.FileSyncRequest;

/**
 * One request on its way through the copier's layers, with what the layers learned about it. Immutable: a layer that
 * learns something passes a new task down.
 *
 * @param request           the request as published
 * @param batchId           the batch it came in
 * @param currentSourceEtag the source ETag the destination's latest good copy was made from, per the processor's
 *                          results table, or null: the copy is then made only if the source's ETag differs
 * @param destination       what is known of the destination object before the copy
 * @param clock             the copy's working time, shared by every layer, against {@code sink.copyTimeout}
 */
public record CopyTask(FileSyncRequest request, String batchId, String currentSourceEtag,
                       DestinationState destination, CopyClock clock) {

    /** What is known of the destination object before the copy. */
    public enum DestinationState {
        /** Not looked at. */
        UNKNOWN,
        /** Known absent (a listing or a HEAD said so). */
        ABSENT,
        /** Known present: a copy replaces it, so it must never be destroyed by a bad copy. */
        PRESENT
    }

    public CopyTask {
        destination = destination == null ? DestinationState.UNKNOWN : destination;
        clock = clock == null ? new CopyClock() : clock;
    }

    public static CopyTask of(FileSyncRequest request, String batchId) {
        return new CopyTask(request, batchId, null, DestinationState.UNKNOWN, new CopyClock());
    }

    public CopyTask withRequest(FileSyncRequest other) {
        return new CopyTask(other, batchId, currentSourceEtag, destination, clock);
    }

    public CopyTask withDestination(DestinationState state) {
        return new CopyTask(request, batchId, currentSourceEtag, state, clock);
    }

    public CopyTask withCurrentSourceEtag(String etag) {
        return new CopyTask(request, batchId, etag, destination, clock);
    }
}
