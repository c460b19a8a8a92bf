package io.archivesync.processor.mirrored;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.processor.validate.ValidatedRequest;
import io.archivesync.avro.SourceLocation;
import io.archivesync.avro.Verification;
import io.archivesync.avro.VerificationMethod;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorCheckTest {

    private static final String SHA = "a".repeat(64);

    @Test
    void shouldCountOnlyAGoodResultOfTheSameSourceVersion() {
        assertThat(MirrorCheck.of(accepted(request("e1", null)), result(CopyOutcome.COPIED, "e1", null)).alreadyMirrored())
                .isTrue();
        assertThat(MirrorCheck.of(accepted(request("e1", null)), result(CopyOutcome.SKIPPED_CURRENT, "e1", null))
                .alreadyMirrored()).isTrue();
        assertThat(MirrorCheck.of(accepted(request("e2", null)), result(CopyOutcome.COPIED, "e1", null)).alreadyMirrored())
                .isFalse();
        assertThat(MirrorCheck.of(accepted(request("e1", null)), result(CopyOutcome.FAILED_CHECKSUM, "e1", null))
                .alreadyMirrored()).isFalse();
        assertThat(MirrorCheck.of(accepted(request("e1", null)), null).alreadyMirrored()).isFalse();
    }

    @Test
    void shouldUseAVerifiedSha256WhenTheRequestHasNoEtag() {
        assertThat(MirrorCheck.of(accepted(request(null, SHA)), result(CopyOutcome.COPIED, null, SHA)).alreadyMirrored())
                .isTrue();
        assertThat(MirrorCheck.of(accepted(request(null, "b".repeat(64))), result(CopyOutcome.COPIED, null, SHA))
                .alreadyMirrored()).isFalse();
    }

    @Test
    void shouldNeverAnswerARequestWithoutVersion() {
        assertThat(MirrorCheck.of(accepted(request(null, null)), result(CopyOutcome.COPIED, "e1", SHA)).alreadyMirrored())
                .isFalse();
    }

    @Test
    void shouldNotMistakeAnotherSourceForTheSameObject() {
        FileSyncRequest r = request("e1", null);
        r.getSource().setUri("s3://elsewhere/a.zip");
        assertThat(MirrorCheck.of(accepted(r), result(CopyOutcome.COPIED, "e1", null)).alreadyMirrored()).isFalse();
    }

    private static ValidatedRequest accepted(FileSyncRequest request) {
        return ValidatedRequest.valid(request, new byte[0]);
    }

    private static FileSyncRequest request(String etag, String sha) {
        return FileSyncRequest.newBuilder()
                .setRequestId("r")
                .setSource(SourceLocation.newBuilder().setUri("s3://src/a.zip").build())
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("a.zip").build())
                .setExpectedEtag(etag)
                .setExpectedSha256(sha)
                .setRequestedAt(Instant.EPOCH)
                .setAttributes(Map.of())
                .build();
    }

    private static CopyResult result(CopyOutcome outcome, String etag, String sha) {
        return CopyResult.newBuilder()
                .setRequestId("before")
                .setSourceUri("s3://src/a.zip")
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("a.zip").build())
                .setOutcome(outcome)
                .setMethod(CopyMethod.SERVER_SIDE)
                .setMethodReason("test")
                .setSourceEtag(etag)
                .setVerification(sha == null ? null : Verification.newBuilder()
                        .setMethod(VerificationMethod.STREAMED_HASH).setVerified(true).setActual(sha).build())
                .setCompletedAt(Instant.EPOCH)
                .build();
    }
}
