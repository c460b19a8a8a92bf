package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

@ExtendWith(StackExtension.class)
class ServerSideCopierIT {

    private static final String BATCH = "batch-1";

    private static S3Client client;
    private static S3AsyncClient async;
    private static ServerSideCopier copier;
    private static String source;
    private static String mirror;

    @BeforeAll
    static void createBuckets(Stack.S3Endpoint s3) {
        client = s3.newClient();
        async = S3Clients.async(CopierConfigs.s3(s3), null, false);
        copier = new ServerSideCopier(async, (region, anonymous) -> async, CopierConfigs.sink(s3));
        source = "source-" + UUID.randomUUID();
        mirror = "mirror-" + UUID.randomUUID();
        client.createBucket(b -> b.bucket(source));
        client.createBucket(b -> b.bucket(mirror));
    }

    @AfterAll
    static void closeClients() {
        async.close();
        client.close();
    }

    @Test
    void shouldCopyServerSideAndVerifyTheEtag() {
        // Given a source object and a request that carries its ETag and size, as the producer lists them
        String key = "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip";
        byte[] bytes = "zip bytes \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        String etag = put(key, bytes);
        FileSyncRequest request = Requests.copy(uri(key), mirror, "binance/" + key)
                .setExpectedEtag(etag).setExpectedSize((long) bytes.length).build();

        // When
        CopyResult result = copy(request);

        // Then the mirror holds the same bytes and the result says how they got there
        assertThat(read(mirror, "binance/" + key)).isEqualTo(bytes);
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.COPIED);
        assertThat(result.getMethod()).isEqualTo(CopyMethod.SERVER_SIDE);
        assertThat(result.getBytes()).isEqualTo(bytes.length);
        assertThat(result.getBytesThroughCopier()).isZero();
        assertThat(result.getStorageRequests()).isEqualTo(1);
        assertThat(result.getVerification().getMethod()).isEqualTo(VerificationMethod.ETAG);
        assertThat(result.getVerification().getVerified()).isTrue();
        assertThat(result.getVerification().getExpected()).isEqualTo(etag);
        assertThat(result.getVerification().getActual()).isEqualTo(etag);
        assertThat(result.getRequestId()).isEqualTo(request.getRequestId());
        assertThat(result.getBatchId()).isEqualTo(BATCH);
        assertThat(result.getErrorClass()).isNull();
    }

    @Test
    void shouldCopyKeysThatNeedEncodingInTheCopySource() {
        // Given a key with characters that must be escaped in x-amz-copy-source
        String key = "data/odd keys/a+b=c&d/ü.zip";
        String etag = put(key, "odd".getBytes(StandardCharsets.UTF_8));

        // When
        CopyResult result = copy(Requests.copy(uri(key), mirror, key).setExpectedEtag(etag).build());

        // Then
        assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
        assertThat(read(mirror, key)).isEqualTo("odd".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPinACopyWithoutAKnownEtagToTheVersionItsHeadSaw() {
        // Given a request without an expected ETag
        String key = "data/no-etag.zip";
        String etag = put(key, "abc".getBytes(StandardCharsets.UTF_8));

        // When
        CopyResult result = copy(Requests.copy(uri(key), mirror, key).build());

        // Then it is copied from the version one HEAD saw (if-match on its ETag), and the result names that version,
        // so that the next run can ask whether the source still has it
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.COPIED);
        assertThat(result.getSourceEtag()).isEqualTo(etag);
        assertThat(result.getVerification().getMethod()).isEqualTo(VerificationMethod.ETAG);
        assertThat(result.getVerification().getExpected()).isEqualTo(etag);
        assertThat(result.getStorageRequests()).isEqualTo(2);
        assertThat(read(mirror, key)).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReportAMissingSourceAsNotFound() {
        // Given a key that was never written
        String key = "data/missing.zip";

        // When
        CopyResult result = copy(Requests.copy(uri(key), mirror, key).build());

        // Then
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_NOT_FOUND);
        assertThat(result.getErrorClass()).isEqualTo("NoSuchKey");
        assertThat(result.getErrorMessage()).contains(uri(key));
        assertThat(result.getMethod()).isEqualTo(CopyMethod.NONE);
        assertNotInMirror(key);
    }

    @Test
    void shouldNotCopyASourceThatChangedSinceItWasListed() {
        // Given a source listed with one ETag, then replaced (as Binance sometimes replaces files)
        String key = "data/replaced.zip";
        String listedEtag = put(key, "first version".getBytes(StandardCharsets.UTF_8));
        put(key, "second version".getBytes(StandardCharsets.UTF_8));

        // When the request made from the listing is copied
        CopyResult result = copy(Requests.copy(uri(key), mirror, key).setExpectedEtag(listedEtag).build());

        // Then nothing lands, and the result says the source changed
        assertThat(result.getOutcome()).isNotIn(CopyOutcome.COPIED, CopyOutcome.SKIPPED_CURRENT);
        assertThat(result.getErrorClass()).isEqualTo("PreconditionFailed");
        assertThat(result.getErrorMessage()).contains(uri(key), "source changed");
        assertNotInMirror(key);
    }

    @Test
    void shouldFailAnHttpSourceInsteadOfThrowing() {
        // Given a source that only a streaming copier can read
        String uri = "https://data.binance.vision/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip";

        // When
        CopyResult result = copy(Requests.copy(uri, mirror, "x.zip").build());

        // Then
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
        assertThat(result.getErrorClass()).isEqualTo("UnsupportedSource");
        assertThat(result.getErrorMessage()).contains(uri);
        assertThat(result.getStorageRequests()).isZero();
    }

    @Test
    void shouldFailAMalformedS3SourceAsInvalid() {
        // Given / When
        CopyResult result = copy(Requests.copy("s3://bucket-without-key", mirror, "x.zip").build());

        // Then
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_INVALID);
        assertThat(result.getErrorClass()).isEqualTo("InvalidSource");
    }

    @Test
    void shouldReportAMissingDestinationBucket() {
        // Given a source that exists and a destination bucket that does not
        String key = "data/to-nowhere.zip";
        put(key, "x".getBytes(StandardCharsets.UTF_8));

        // When
        CopyResult result = copy(Requests.copy(uri(key), "no-such-bucket-" + UUID.randomUUID(), key).build());

        // Then
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_NOT_FOUND);
        assertThat(result.getErrorClass()).isEqualTo("NoSuchBucket");
    }

    @Test
    void shouldCompleteWithAFailedResultWhenTheClientIsClosed(Stack.S3Endpoint s3) {
        // Given a copier whose client can no longer send anything
        S3AsyncClient closed = S3Clients.async(CopierConfigs.s3(s3), null, false);
        closed.close();

        // When
        CopyResult result = copy(new ServerSideCopier(closed, (region, anonymous) -> closed, CopierConfigs.sink(s3)),
                Requests.copy(uri("data/a.zip"), mirror, "a").build());

        // Then
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
        assertThat(result.getErrorMessage()).contains(uri("data/a.zip"));
    }

    private static CopyResult copy(FileSyncRequest request) {
        return copy(copier, request);
    }

    /** Fails the test if the future completes exceptionally: a copier must always answer with a result. */
    private static CopyResult copy(Copier copier, FileSyncRequest request) {
        CompletableFuture<CopyResult> future = copier.copy(request, BATCH);
        CopyResult result = future.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(future).isCompleted().isNotCompletedExceptionally();
        return result;
    }

    private static String put(String key, byte[] bytes) {
        String quoted = client.putObject(b -> b.bucket(source).key(key), RequestBody.fromBytes(bytes)).eTag();
        return quoted.replace("\"", "");
    }

    private static byte[] read(String bucket, String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private static void assertNotInMirror(String key) {
        assertThatThrownBy(() -> client.headObject(b -> b.bucket(mirror).key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    private static String uri(String key) {
        return "s3://" + source + "/" + key;
    }
}
