package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.SourceLocation;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/** Streaming copies: bytes through the copier, in parts, hashed on the way, never to disk. */
@ExtendWith(StackExtension.class)
class StreamingCopyIT {

    private static final int MIB = 1 << 20;
    private static final String SMALL_PARTS = "sink.streaming.partSize=5242880";

    @Test
    void shouldStreamFromAnHttpsLikeSourceInAMultipartUpload(Stack.S3Endpoint s3) {
        // Given an 11 MiB file on an HTTP server, as data.binance.vision serves it, and 5 MiB parts
        try (Fixture f = new Fixture(s3, SMALL_PARTS, "sink.verify.sha256=false"); HttpSource http = new HttpSource()) {
            byte[] bytes = Fixture.zip(11 * MIB, 3);
            String url = http.serve("/data/spot/a.zip", bytes);

            // When
            CopyResult result = f.copy(Requests.copy(url, f.mirror, "a.zip").build());

            // Then: 1 GET + list abandoned uploads + create + 3 parts + complete, every byte through the copier, hashed
            // on the way
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.STREAMED);
            assertThat(result.getMethodReason()).contains("mode=AUTO", "HTTP(S) source", "3 parts");
            assertThat(result.getBytes()).isEqualTo(bytes.length);
            assertThat(result.getBytesThroughCopier()).isEqualTo(bytes.length);
            assertThat(result.getStorageRequests()).isEqualTo(7);
            assertThat(result.getDestinationSha256()).isEqualTo(Fixture.sha256(bytes));
            assertThat(result.getDestinationSha256Source()).isEqualTo(VerificationMethod.STREAMED_HASH);
            assertThat(f.read(f.mirror, "a.zip")).isEqualTo(bytes);
        }
    }

    @Test
    void shouldStreamFromAnAnonymousPublicReadBucket(Stack.S3Endpoint s3) {
        // Given a public-read object, read without credentials, in TRADITIONAL mode
        try (Fixture f = new Fixture(s3, SMALL_PARTS, "sink.verify.sha256=false")) {
            byte[] bytes = Fixture.zip(1000, 4);
            f.client.putObject(b -> b.bucket(f.source).key("pub.zip").acl(ObjectCannedACL.PUBLIC_READ),
                    RequestBody.fromBytes(bytes));

            // When
            CopyResult result = f.copy(Requests.copy(f.uri("pub.zip"), f.mirror, "pub.zip")
                    .setSource(SourceLocation.newBuilder().setUri(f.uri("pub.zip")).setAnonymous(true).build())
                    .setMode("TRADITIONAL").build());

            // Then: one GET, one PutObject carrying the SHA-256 the storage checks
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.STREAMED);
            assertThat(result.getMethodReason()).contains("TRADITIONAL", "one PutObject");
            assertThat(result.getStorageRequests()).isEqualTo(2);
            assertThat(f.read(f.mirror, "pub.zip")).isEqualTo(bytes);
        }
    }

    @Test
    void shouldAbortTheMultipartUploadWhenTheSourceBreaksOff(Stack.S3Endpoint s3) {
        // Given a source whose connection is cut halfway through a 12 MiB body, every time
        try (Fixture f = new Fixture(s3, SMALL_PARTS, "sink.retry.maxAttempts=2");
             HttpSource http = new HttpSource()) {
            String url = http.serveCut("/cut.zip", Fixture.zip(12 * MIB, 5));

            // When
            CopyResult result = f.copy(Requests.copy(url, f.mirror, "cut.zip").build());

            // Then it fails after its retries, and no upload is left dangling
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
            assertThat(result.getAttempts()).isEqualTo(2);
            assertThat(result.getErrorMessage()).contains("gave up after 2 attempts");
            assertThat(f.client.listMultipartUploads(b -> b.bucket(f.mirror)).uploads()).isEmpty();
            assertThat(f.exists(f.mirror, "cut.zip")).isFalse();
        }
    }

    @Test
    void shouldNotCountTimeQueuedForAReaderThreadOnTheCopysClock(Stack.S3Endpoint s3) throws Exception {
        // Given one reader thread, held by a source that stalls until the 3 s copy timeout cuts it
        try (Fixture f = new Fixture(s3, "sink.copyTimeout=3s", "sink.retry.maxAttempts=1",
                "sink.streaming.concurrency=1", "sink.streaming.partSize=5242880", "sink.verify.sha256=false");
             HttpSource http = new HttpSource()) {
            String stalled = http.serveStalled("/held.zip", Fixture.zip(12 * 1024 * 1024, 31));
            String quick = http.serve("/quick.zip", Fixture.zip(4000, 32));
            CopyTask holder = CopyTask.of(Requests.copy(stalled, f.mirror, "held.zip").build(), Fixture.BATCH);
            CopyTask queued = CopyTask.of(Requests.copy(quick, f.mirror, "quick.zip").build(), Fixture.BATCH);

            // When the second copy waits for the reader the first one holds
            java.util.concurrent.CompletableFuture<CopyResult> first = f.copier.copy(holder);
            Thread.sleep(300);
            java.util.concurrent.CompletableFuture<CopyResult> second = f.copier.copy(queued);
            Thread.sleep(1500);

            // Then its clock has not run while it waited, and it is copied once the reader is free
            assertThat(second).isNotDone();
            assertThat(queued.clock().active()).isLessThan(java.time.Duration.ofMillis(500));
            assertThat(holder.clock().active()).isGreaterThan(java.time.Duration.ofMillis(1000));
            assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).getOutcome())
                    .isEqualTo(CopyOutcome.FAILED_OTHER);
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS).getOutcome())
                    .isEqualTo(CopyOutcome.COPIED);
        }
    }

    @Test
    void shouldGiveUpOnASourceThatStallsMidBodyAtTheCopyTimeoutAndAbortTheUpload(Stack.S3Endpoint s3) {
        // Given a 12 MiB source that sends half its body and then nothing, with 5 MiB parts, so that an upload is
        // under way when it stalls, and a copy timeout of 2 s
        try (Fixture f = new Fixture(s3, "sink.copyTimeout=2s", "sink.retry.maxAttempts=2",
                "sink.streaming.partSize=5242880", "sink.verify.sha256=false");
             HttpSource http = new HttpSource()) {
            String url = http.serveStalled("/stalled.zip", Fixture.zip(12 * 1024 * 1024, 21));

            // When
            long started = System.nanoTime();
            CopyResult result = f.copy(Requests.copy(url, f.mirror, "stalled.zip").build());
            double seconds = (System.nanoTime() - started) / 1e9;

            // Then each attempt is cut at the timeout, the result is a failure, and no upload is left behind
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
            assertThat(result.getAttempts()).isEqualTo(2);
            assertThat(seconds).isLessThan(20);
            assertThat(f.client.listMultipartUploads(b -> b.bucket(f.mirror)).uploads()).isEmpty();
            assertThat(f.exists(f.mirror, "stalled.zip")).isFalse();
        }
    }

    @Test
    void shouldFailOnHttpErrorsAndOnAnErrorPageServedAsAZip(Stack.S3Endpoint s3) {
        // Given a 404, a 403, and a 200 whose body is an XML error page instead of a zip
        try (Fixture f = new Fixture(s3, "sink.verify.sha256=false"); HttpSource http = new HttpSource()) {
            String missing = http.url("/missing.zip");
            String denied = http.serveStatus("/denied.zip", 403);
            String page = http.serve("/page.zip", "<Error><Code>AccessDenied</Code></Error>".getBytes());

            // When
            CopyResult notFound = f.copy(Requests.copy(missing, f.mirror, "missing.zip").build());
            CopyResult refused = f.copy(Requests.copy(denied, f.mirror, "denied.zip").build());
            CopyResult notZip = f.copy(Requests.copy(page, f.mirror, "page.zip").build());

            // Then: final failures are not retried, and nothing is written
            assertThat(notFound.getOutcome()).isEqualTo(CopyOutcome.FAILED_NOT_FOUND);
            assertThat(notFound.getAttempts()).isEqualTo(1);
            assertThat(refused.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(notZip.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
            assertThat(notZip.getErrorMessage()).contains("is not a zip");
            assertThat(f.exists(f.mirror, "page.zip")).isFalse();
        }
    }
}
