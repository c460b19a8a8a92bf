package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.RequestAttributes;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class DeletePropagationIT {

    private static final Map<String, String> DELETE =
            Map.of(RequestAttributes.ACTION, RequestAttributes.ACTION_DELETE);

    @Test
    void shouldDeleteTheMirroredObjectWhenItsSourceIsGone(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3, "sink.verify.sha256=false")) {
            // Given a mirrored object whose source was then removed
            f.put("gone.zip", Fixture.zip(300, 1));
            assertThat(f.copy(Requests.copy(f.uri("gone.zip"), f.mirror, "gone.zip").build()).getOutcome())
                    .isEqualTo(CopyOutcome.COPIED);
            f.client.deleteObject(b -> b.bucket(f.source).key("gone.zip"));

            // When the removal is propagated
            CopyResult result = f.copy(Requests.copy(f.uri("gone.zip"), f.mirror, "gone.zip")
                    .setAttributes(DELETE).build());

            // Then the mirror's copy is deleted, and the result says so
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.DELETED);
            assertThat(result.getStorageRequests()).isEqualTo(2);
            assertThat(f.exists(f.mirror, "gone.zip")).isFalse();
        }
    }

    @Test
    void shouldCopyInsteadOfDeletingWhenTheSourceExistsAgain(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3, "sink.verify.sha256=false")) {
            // Given a removal notification that arrives after the object was uploaded again
            byte[] again = Fixture.zip(400, 2);
            f.put("back.zip", again);
            FileSyncRequest late = Requests.copy(f.uri("back.zip"), f.mirror, "back.zip").setAttributes(DELETE)
                    .build();

            // When it is handled / Then nothing is deleted: the current source is mirrored
            assertThat(f.copy(late).getOutcome()).isEqualTo(CopyOutcome.COPIED);
            assertThat(f.read(f.mirror, "back.zip")).isEqualTo(again);
        }
    }

    @Test
    void shouldRetryADeleteThatTheStorageThrottles(Stack.S3Endpoint s3) {
        // Given a mirrored object whose source is gone, and a storage that answers the delete's first two tries with
        // 503 SlowDown
        try (Fixture f = new Fixture(s3, c -> c instanceof PropagatedDelete ? FaultInjectingCopier.failing(c,
                r -> true, FaultInjectingCopier.Fault.SLOW_DOWN, 2) : c, "sink.verify.sha256=false")) {
            f.put("throttled.zip", Fixture.zip(300, 3));
            f.copy(Requests.copy(f.uri("throttled.zip"), f.mirror, "throttled.zip").build());
            f.client.deleteObject(b -> b.bucket(f.source).key("throttled.zip"));

            // When the removal is propagated
            CopyResult result = f.copy(Requests.copy(f.uri("throttled.zip"), f.mirror, "throttled.zip")
                    .setAttributes(DELETE).build());

            // Then it is retried like a copy and the mirror's copy goes
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.DELETED);
            assertThat(result.getAttempts()).isEqualTo(3);
            assertThat(f.exists(f.mirror, "throttled.zip")).isFalse();
        }
    }
}
