package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.SourceLocation;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.embedded.ForeignAccount;
import io.archivesync.embedded.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * A source in another account, as Binance's archive is: S3 itself (S3Proxy, with a second account whose buckets our
 * credentials cannot address) refuses the server-side copy with a real 403 AccessDenied, and the copier falls back
 * to reading the source anonymously where it is public.
 */
class ForeignSourceIT {

    private static final String PUBLIC = "foreign-public-archive";
    private static final String PRIVATE = "foreign-private-archive";
    private static EmbeddedS3 server;
    private static Stack.S3Endpoint ours;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.start(EmbeddedS3.Options.defaults().withForeignAccount(ForeignAccount.defaults()));
        ours = new Stack.S3Endpoint(server.endpoint(), EmbeddedS3.REGION, server.accessKey(), server.secretKey());
        try (S3Client owner = server.newForeignClient()) {
            owner.createBucket(b -> b.bucket(PUBLIC).acl(BucketCannedACL.PUBLIC_READ));
            owner.createBucket(b -> b.bucket(PRIVATE));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldFallBackToAnonymousStreamingWhenTheSourceAccountRefusesTheServerSideCopy() {
        // Given a public object in another account's bucket, requested anonymously as the producer does for Binance
        byte[] bytes = Fixture.zip(3000, 11);
        publish(PUBLIC, "a.zip", bytes);
        try (Fixture f = new Fixture(ours)) {
            // When
            CopyResult result = f.copy(anonymous(PUBLIC, "a.zip", f.mirror, (long) bytes.length));

            // Then the refusal came from the server, and the object was streamed instead
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.STREAMED);
            assertThat(result.getMethodReason()).contains("mode=AUTO", "server-side refused", "AccessDenied",
                    "fell back to streaming");
            assertThat(result.getFellBack()).isTrue();
            assertThat(result.getAttempts()).isEqualTo(2);
            assertThat(f.read(f.mirror, "a.zip")).isEqualTo(bytes);

            // And an object in our own account still goes across server-side
            f.put("own.zip", bytes);
            CopyResult own = f.copy(Requests.copy(f.uri("own.zip"), f.mirror, "own.zip").build());
            assertThat(own.getMethod()).isEqualTo(CopyMethod.SERVER_SIDE);
            assertThat(own.getFellBack()).isFalse();
        }
    }

    @Test
    void shouldFailWithTheRefusalInDirectModeWithoutStreaming() {
        byte[] bytes = Fixture.zip(100, 12);
        publish(PUBLIC, "b.zip", bytes);
        try (Fixture f = new Fixture(ours, "sink.mode=DIRECT")) {
            CopyResult result = f.copy(anonymous(PUBLIC, "b.zip", f.mirror, (long) bytes.length));

            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(result.getErrorClass()).isEqualTo("AccessDenied");
            assertThat(result.getAttempts()).isEqualTo(1);
            assertThat(f.exists(f.mirror, "b.zip")).isFalse();
        }
    }

    @Test
    void shouldEndAsFailedAccessWhenNeitherPathMayReadTheSource() {
        // Given an object the other account keeps private, size unknown (the generate strategy's requests): the
        // copier's HEAD of the source is refused, and so is the anonymous read it falls back to
        publish(PRIVATE, "c.zip", Fixture.zip(100, 13));
        try (Fixture f = new Fixture(ours)) {
            CopyResult result = f.copy(anonymous(PRIVATE, "c.zip", f.mirror, null));

            // Then one final FAILED_ACCESS result, not a retry loop, and nothing written
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(result.getErrorClass()).isEqualTo("AccessDenied");
            assertThat(result.getMethodReason()).contains("server-side refused");
            assertThat(result.getAttempts()).isEqualTo(2);
            assertThat(f.exists(f.mirror, "c.zip")).isFalse();
        }
    }

    /** Puts an object in the other account, public-read in the public bucket as Binance's files are. */
    private static void publish(String bucket, String key, byte[] bytes) {
        try (S3Client owner = server.newForeignClient()) {
            owner.putObject(b -> b.bucket(bucket).key(key)
                            .acl(bucket.equals(PUBLIC) ? ObjectCannedACL.PUBLIC_READ : ObjectCannedACL.PRIVATE),
                    RequestBody.fromBytes(bytes));
        }
    }

    /** As the producer's {@code list} strategy asks: anonymous source, size known. */
    private static FileSyncRequest anonymous(String bucket, String key, String mirror, Long size) {
        return Requests.copy("s3://" + bucket + "/" + key, mirror, key)
                .setSource(SourceLocation.newBuilder().setUri("s3://" + bucket + "/" + key).setAnonymous(true)
                        .build())
                .setExpectedSize(size)
                .build();
    }
}
