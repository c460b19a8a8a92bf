package io.archivesync.sink.copy.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.storage.transfer.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A checkpoint as the transfers topic holds it: a small JSON document with a version, readable by an operator with
 * any console consumer. The version lets a later copier change the document; a copier skips versions it does not
 * know (leaving them to the copier that wrote them) instead of misreading them.
 */
final class CheckpointJson {

    /** The version this copier writes and reads. */
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckpointJson() {
    }

    /**
     * A checkpoint and when it was recorded.
     *
     * @param recorded when the part it describes was accepted: how long a write has gone without progress
     */
    record Recorded(Checkpoint checkpoint, Instant recorded) {
    }

    /** The document's fields, version 1. */
    record V1(int version, String destination, String source, String sourceVersion, String writeId,
                      int partBytes, long committedBytes, String recorded) {
    }

    static byte[] encode(Checkpoint c, Instant recorded) {
        try {
            return JSON.writeValueAsBytes(new V1(VERSION, c.destination(), c.source(), c.sourceVersion(),
                    c.writeId(), c.partBytes(), c.committedBytes(), recorded.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return empty for a version this copier does not know
     * @throws IllegalArgumentException for a document that is not a checkpoint
     */
    static Optional<Recorded> decode(byte[] bytes) {
        try {
            int version = JSON.readTree(bytes).path("version").asInt(-1);
            if (version != VERSION) {
                return Optional.empty();
            }
            V1 v = JSON.readValue(bytes, V1.class);
            return Optional.of(new Recorded(new Checkpoint(v.destination(), v.source(), v.sourceVersion(),
                    v.writeId(), v.partBytes(), v.committedBytes()), Instant.parse(v.recorded())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }
}
