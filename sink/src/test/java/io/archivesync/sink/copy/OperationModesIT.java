package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The decision table of docs/copy-modes.md, on the real S3 server. */
@ExtendWith(StackExtension.class)
class OperationModesIT {

    /**
     * A refusal injected where S3 would answer, for the mode rules; {@link ForeignSourceIT} gets the same refusal
     * from the server itself (a bucket of another account) and shows the AUTO fallback on it.
     */
    private static final UnaryOperator<Copier> SOURCE_DENIES_SERVER_SIDE = c -> c instanceof ServerSideCopier
            ? FaultInjectingCopier.failing(c, r -> true, FaultInjectingCopier.Fault.ACCESS_DENIED, Integer.MAX_VALUE)
            : c;

    @Test
    void shouldFailRatherThanStreamInDirectMode(Stack.S3Endpoint s3) {
        // Given the same refusal, and an HTTP source, in DIRECT mode
        try (Fixture f = new Fixture(s3, SOURCE_DENIES_SERVER_SIDE, "sink.mode=DIRECT")) {
            f.put("a.zip", Fixture.zip(100, 7));

            // When
            CopyResult refused = f.copy(Requests.copy(f.uri("a.zip"), f.mirror, "a.zip").build());
            CopyResult http = f.copy(Requests.copy("https://data.binance.vision/x.zip", f.mirror, "x.zip").build());

            // Then neither streams
            assertThat(refused.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(refused.getAttempts()).isEqualTo(1);
            assertThat(http.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
            assertThat(http.getErrorClass()).isEqualTo("ServerSideImpossible");
            assertThat(http.getStorageRequests()).isZero();
            assertThat(f.exists(f.mirror, "a.zip")).isFalse();
        }
    }

    @Test
    void shouldHonourTheRequestsModeOverTheConfiguredOne(Stack.S3Endpoint s3) {
        // Given a copier configured DIRECT, and requests asking for TRADITIONAL and for a mode that does not exist
        try (Fixture f = new Fixture(s3, "sink.mode=DIRECT", "sink.verify.sha256=false")) {
            f.put("t.zip", Fixture.zip(100, 8));

            // When
            CopyResult traditional = f.copy(Requests.copy(f.uri("t.zip"), f.mirror, "t.zip").setMode("TRADITIONAL")
                    .build());
            CopyResult unknown = f.copy(Requests.copy(f.uri("t.zip"), f.mirror, "u.zip").setMode("TELEPORT").build());

            // Then
            assertThat(traditional.getMethod()).isEqualTo(CopyMethod.STREAMED);
            assertThat(traditional.getMethodReason()).startsWith("mode=TRADITIONAL");
            assertThat(unknown.getOutcome()).isEqualTo(CopyOutcome.FAILED_INVALID);
            assertThat(unknown.getErrorMessage()).contains("TELEPORT");
        }
    }

    @Test
    void shouldStreamBetweenEndpointsThatCannotSeeEachOther(Stack.S3Endpoint s3) {
        // Given sources on a second S3 server, which the destination's server knows nothing about
        try (EmbeddedS3 other = EmbeddedS3.start(); S3Client otherClient = other.newClient()) {
            otherClient.createBucket(b -> b.bucket("elsewhere"));
            byte[] bytes = Fixture.zip(3000, 9);
            otherClient.putObject(b -> b.bucket("elsewhere").key("e.zip"), RequestBody.fromBytes(bytes));
            try (Fixture f = new Fixture(s3, "sink.sourceEndpoint=" + other.endpoint())) {

                // When AUTO and HYBRID copy from it
                CopyResult auto = f.copy(Requests.copy("s3://elsewhere/e.zip", f.mirror, "e.zip").build());
                CopyResult hybrid = f.copy(Requests.copy("s3://elsewhere/e.zip", f.mirror, "h.zip").setMode("HYBRID")
                        .build());

                // Then both stream, saying why
                assertThat(auto.getOutcome()).as(auto.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
                assertThat(auto.getMethod()).isEqualTo(CopyMethod.STREAMED);
                assertThat(auto.getMethodReason()).contains("sink.sourceEndpoint");
                assertThat(hybrid.getMethod()).isEqualTo(CopyMethod.STREAMED);
                assertThat(f.read(f.mirror, "e.zip")).isEqualTo(bytes);
            }
        }
    }

    @Test
    void shouldFallBackOnOtherServerSideFailuresOnlyInHybrid(Stack.S3Endpoint s3) {
        // Given a server that keeps answering 503 to server-side copies (say, a store without CopyObject)
        UnaryOperator<Copier> unavailable = c -> c instanceof ServerSideCopier
                ? FaultInjectingCopier.failing(c, r -> true, FaultInjectingCopier.Fault.SLOW_DOWN, Integer.MAX_VALUE)
                : c;
        try (Fixture f = new Fixture(s3, unavailable, "sink.retry.maxAttempts=2")) {
            f.put("h.zip", Fixture.zip(100, 10));

            // When
            CopyResult auto = f.copy(Requests.copy(f.uri("h.zip"), f.mirror, "auto.zip").build());
            CopyResult hybrid = f.copy(Requests.copy(f.uri("h.zip"), f.mirror, "hybrid.zip").setMode("HYBRID").build());

            // Then AUTO reports the failure, HYBRID streams the object
            assertThat(auto.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
            assertThat(auto.getErrorClass()).isEqualTo("SlowDown");
            assertThat(hybrid.getOutcome()).isEqualTo(CopyOutcome.COPIED);
            assertThat(hybrid.getMethod()).isEqualTo(CopyMethod.STREAMED);
            assertThat(hybrid.getMethodReason()).contains("mode=HYBRID", "fell back");
        }
    }
}
