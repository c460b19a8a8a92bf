package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EmbeddedS3IT {

    private static EmbeddedS3 s3;
    private static S3Client client;

    @BeforeAll
    static void startServer() {
        s3 = EmbeddedS3.start();
        client = s3.newClient();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        s3.close();
    }

    @Test
    void shouldPutGetAndServerSideCopyObjects() {
        // Given a bucket holding one object
        String bucket = newBucket(client);
        client.putObject(b -> b.bucket(bucket).key("data/a.zip"), RequestBody.fromString("payload"));

        // When it is read back and copied server-side
        String read = client.getObjectAsBytes(b -> b.bucket(bucket).key("data/a.zip")).asUtf8String();
        client.copyObject(b -> b.sourceBucket(bucket).sourceKey("data/a.zip")
                .destinationBucket(bucket).destinationKey("mirror/a.zip"));

        // Then both hold the bytes
        assertThat(read).isEqualTo("payload");
        assertThat(client.getObjectAsBytes(b -> b.bucket(bucket).key("mirror/a.zip")).asUtf8String())
                .isEqualTo("payload");
    }

    @Test
    void shouldRejectAWrongSecretWith403() {
        // Given a client that signs with the wrong secret
        try (S3Client wrong = AwsClients.s3(s3.endpoint(), s3.region(), s3.accessKey(), "not-the-secret")) {
            // When it lists buckets, then the signature is checked and refused
            assertThatThrownBy(wrong::listBuckets)
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void shouldServePublicReadObjectsToAnonymousCallers() throws Exception {
        // Given a public-read object and a private one
        String bucket = newBucket(client);
        client.putObject(b -> b.bucket(bucket).key("public.txt").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("open"));
        client.putObject(b -> b.bucket(bucket).key("private.txt"), RequestBody.fromString("closed"));

        // When an unsigned GET asks for each, then only the public one is served
        HttpResponse<String> open = anonymousGet(bucket + "/public.txt");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("open");
        assertThat(anonymousGet(bucket + "/private.txt").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldDelayEveryOperationByTheConfiguredLatency() {
        // Given a server that adds 300 ms to each storage operation
        try (EmbeddedS3 slow = EmbeddedS3.start(EmbeddedS3.Options.defaults().withLatencyMillis(300));
             S3Client slowClient = slow.newClient()) {
            String bucket = newBucket(slowClient);

            // When an object is written, then the call takes at least that long
            long started = System.nanoTime();
            slowClient.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void shouldKeepObjectsInTheDataDirAcrossRestarts(@TempDir Path dataDir) {
        // Given an object written to a server that stores on disk
        EmbeddedS3.Options onDisk = EmbeddedS3.Options.defaults().withDataDir(dataDir);
        String bucket;
        try (EmbeddedS3 first = EmbeddedS3.start(onDisk); S3Client firstClient = first.newClient()) {
            bucket = newBucket(firstClient);
            firstClient.putObject(b -> b.bucket(bucket).key("kept"), RequestBody.fromString("still here"));
        }

        // When a new server starts on the same directory, then the object is there
        try (EmbeddedS3 second = EmbeddedS3.start(onDisk); S3Client secondClient = second.newClient()) {
            assertThat(secondClient.getObjectAsBytes(b -> b.bucket(bucket).key("kept")).asUtf8String())
                    .isEqualTo("still here");
        }
    }

    private static String newBucket(S3Client s3Client) {
        String bucket = "bucket-" + UUID.randomUUID();
        s3Client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private static HttpResponse<String> anonymousGet(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s3.endpoint() + "/" + path)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
