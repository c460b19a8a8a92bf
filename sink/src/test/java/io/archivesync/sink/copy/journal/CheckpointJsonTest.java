package io.archivesync.sink.copy.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.storage.transfer.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A checkpoint on the transfers topic: versioned JSON that reads back as it was written. */
class CheckpointJsonTest {

    private static final Checkpoint CHECKPOINT = new Checkpoint("gs://b/k.zip", "s3://a/k.zip", "\"etag\"",
            "upload-1", 16 << 20, 32L << 20);

    @Test
    void shouldReadBackTheCheckpointAndWhenItWasRecorded() {
        Instant recorded = Instant.parse("2026-11-28T10:00:00Z");

        byte[] json = CheckpointJson.encode(CHECKPOINT, recorded);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"version\":1");
        assertThat(CheckpointJson.decode(json)).contains(new CheckpointJson.Recorded(CHECKPOINT, recorded));
    }

    @Test
    void shouldSkipAVersionItDoesNotKnowAndRejectWhatIsNoCheckpoint() {
        byte[] later = "{\"version\":2,\"destination\":\"gs://b/k\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(CheckpointJson.decode(later)).isEmpty();
        assertThatThrownBy(() -> CheckpointJson.decode("{\"version\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a checkpoint");
        assertThatThrownBy(() -> CheckpointJson.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
