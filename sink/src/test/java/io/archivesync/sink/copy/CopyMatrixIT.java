package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import io.archivesync.avro.ArchiveCoordinates;
import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.RemoteSettings;
import io.archivesync.core.config.StorageSettings;
import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The copy matrix on real servers (S3Proxy, the GCS JSON API fixture through the real client, Azurite, a directory):
 * every pair of providers copies through the copier as the service composes it, server-side where the pair allows and
 * the server can show it, streamed otherwise, verified against the published SHA-256, with the method in the result;
 * a second copy of the same object is answered as current.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyMatrixIT {

    private static final int SIZE = 300 * 1024;

    @TempDir
    static Path dir;

    private S3Client s3;
    private Storage gcs;
    private BlobServiceClient azure;
    private AzureBlobEndpoint account;
    private final String s3Bucket = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private final String gcsBucket = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private final String container = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private StorageClients clients;
    private CopierFactory.Composed copier;

    @BeforeAll
    void servers(Stack stack, Stack.S3Endpoint endpoint) {
        s3 = endpoint.newClient();
        s3.createBucket(b -> b.bucket(s3Bucket));
        gcs = stack.gcs().newClient();
        gcs.create(BucketInfo.of(gcsBucket));
        account = stack.azureBlob();
        azure = new BlobServiceClientBuilder().connectionString(account.connectionString()).buildClient();
        azure.createBlobContainer(container);
        AppConfig config = CopierConfigs.config(endpoint);
        StorageSettings storage = new StorageSettings(List.of(), Map.of(
                "gs", RemoteSettings.gcs(stack.gcs().endpoint().toString(), stack.gcs().projectId(), true),
                "azurite", RemoteSettings.azure(account.blobEndpoint().toString(), account.accountName(),
                        account.accountKey())));
        clients = new StorageClients(config.s3(), config.sink());
        copier = CopierFactory.create(config.sink(), clients, UnaryOperator.identity(), storage.withLocalRoots(
                List.of(dirRoot().toString())));
    }

    @AfterAll
    void close() {
        copier.close();
        clients.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // from, to, expected method when the server can show it
        "s3, gs, STREAMED",
        "s3, az, STREAMED",
        "s3, file, STREAMED",
        "gs, gs, SERVER_SIDE",
        "gs, az, STREAMED",
        "gs, s3, STREAMED",
        "gs, file, STREAMED",
        "az, az, SERVER_SIDE",
        "az, gs, STREAMED",
        "az, s3, STREAMED",
        "az, file, STREAMED",
        "file, s3, STREAMED",
        "file, gs, STREAMED",
        "file, az, STREAMED",
        "file, file, SERVER_SIDE",
    })
    void shouldCopyEveryPairVerifiedAndSkipItTheSecondTime(String from, String to, CopyMethod method)
            throws IOException {
        // Given an object at the source, and its published SHA-256
        byte[] bytes = Fixture.zip(SIZE, (from + to).hashCode());
        String name = from + "-to-" + to + "/" + UUID.randomUUID() + ".zip";
        String source = put(from, "src/" + name, bytes);
        String destination = location(to, "dst/" + name);

        // When it is copied
        CopyResult result = copy(request(source, destination).setExpectedSha256(Fixture.sha256(bytes)).build());

        // Then it is there, whole, verified, by the method the pair allows (S3 → Azure is server-side on real Azure,
        // from a presigned URL; Azurite only fetches URLs of its own, so the copier falls back to streaming there)
        assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
        assertThat(result.getMethod()).as(result.getMethodReason()).isEqualTo(method);
        assertThat(result.getVerification().getVerified()).isTrue();
        assertThat(result.getDestinationSha256()).isEqualTo(Fixture.sha256(bytes));
        assertThat(result.getBytesThroughCopier()).isEqualTo(method == CopyMethod.STREAMED ? bytes.length : 0);
        assertThat(read(destination)).isEqualTo(bytes);
        if (from.equals("s3") && to.equals("az")) {
            assertThat(result.getFellBack()).as(result.getMethodReason()).isTrue();
        }

        // And a second request for it is answered as current, with HEADs only (a local file's stat is no storage
        // request)
        CopyResult again = copy(request(source, destination).setExpectedSha256(Fixture.sha256(bytes)).build());
        assertThat(again.getOutcome()).as(again.getErrorMessage()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
        assertThat(again.getStorageRequests()).isEqualTo((from.equals("file") ? 0 : 1) + (to.equals("file") ? 0 : 1));
    }

    @Test
    void shouldKeepTheModificationTimeFromUploadToDownload() throws IOException {
        // Given a local file last modified a while ago
        Path local = dirRoot().resolve("up/kept.bin");
        Files.createDirectories(local.getParent());
        Files.write(local, Fixture.zip(1000, 7));
        Instant modified = Instant.parse("2024-02-29T12:34:56Z");
        Files.setLastModifiedTime(local, FileTime.from(modified));

        // When it is uploaded to S3 and then downloaded elsewhere
        CopyResult up = copy(request("file://" + local, location("s3", "kept.bin")).build());
        Path back = dirRoot().resolve("down/kept.bin");
        CopyResult down = copy(request(location("s3", "kept.bin"), "file://" + back).build());

        // Then the downloaded file has the original modification time, and a second upload finds S3 current by it
        assertThat(up.getOutcome()).as(up.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
        assertThat(down.getOutcome()).as(down.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
        assertThat(Files.getLastModifiedTime(back).toInstant().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(modified);
        CopyResult again = copy(request("file://" + local, location("s3", "kept.bin")).build());
        assertThat(again.getOutcome()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
    }

    @Test
    void shouldRefuseACopyWhoseSourceContradictsItsSidecarAndWriteNothing() throws IOException {
        // Given an archive file on S3 whose .CHECKSUM sidecar names another SHA-256
        byte[] bytes = Fixture.zip(SIZE, 11);
        String key = "spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip";
        put("s3", key, bytes);
        put("s3", key + ".CHECKSUM", (Fixture.sha256(new byte[] {1}) + "  BTCUSDT-1m-2024-01-01.zip")
                .getBytes());
        String destination = location("gs", "mirror/" + key);

        // When it is mirrored to GCS
        CopyResult result = copy(request(location("s3", key), destination)
                .setArchive(ArchiveCoordinates.newBuilder().setMarket("spot").setFrequency("daily")
                        .setDataType("klines").setSymbol("BTCUSDT").setInterval("1m").setDate("2024-01-01").build())
                .build());

        // Then it fails on the checksum and nothing is visible at the destination
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_CHECKSUM);
        assertThat(result.getErrorMessage()).contains("not the published");
        assertThat(gcs.get(BlobId.of(gcsBucket, "mirror/" + key))).isNull();
    }

    @Test
    void shouldRefuseLocalFilesOutsideTheLocalRootsAndUnknownRemotes() {
        CopyResult outside = copy(request("file:///etc/hostname", location("gs", "stolen")).build());
        CopyResult unknown = copy(request(location("s3", "x"), "nowhere:bucket/x").build());

        assertThat(outside.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
        assertThat(outside.getErrorMessage()).contains("storage.localRoots");
        assertThat(unknown.getOutcome()).isEqualTo(CopyOutcome.FAILED_INVALID);
        assertThat(unknown.getErrorMessage()).contains("remote 'nowhere' is not configured");
    }

    @Test
    void shouldStoreTheRequestedStorageClassAndRefuseOneTheProviderDoesNotKnow() {
        byte[] bytes = Fixture.zip(1000, 3);
        String source = put("s3", "tiered.bin", bytes);

        CopyResult cool = copy(request(source, location("az", "cool.bin"), "Cool").build());
        CopyResult wrong = copy(request(source, location("gs", "wrong.bin"), "GLACIER").build());

        assertThat(cool.getOutcome()).as(cool.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
        assertThat(azure.getBlobContainerClient(container).getBlobClient("cool.bin").getProperties().getAccessTier()
                .toString()).isEqualTo("Cool");
        assertThat(wrong.getOutcome()).isEqualTo(CopyOutcome.FAILED_INVALID);
        assertThat(wrong.getErrorMessage()).contains("GLACIER");
    }

    private CopyResult copy(FileSyncRequest request) {
        return copier.copy(request, "batch-1").orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static FileSyncRequest.Builder request(String source, String destination) {
        return request(source, destination, null);
    }

    private static FileSyncRequest.Builder request(String source, String destination, String storageClass) {
        String key = destination.substring(destination.lastIndexOf('/') + 1);
        return Requests.copy(source, "matrix", key)
                .setDestination(Destination.newBuilder().setBucket("matrix").setKey(key).setUri(destination)
                        .setStorageClass(storageClass).build());
    }

    private String location(String provider, String key) {
        return switch (provider) {
            case "s3" -> "s3://" + s3Bucket + "/" + key;
            case "gs" -> "gs://" + gcsBucket + "/" + key;
            case "az" -> "az://" + account.accountName() + "/" + container + "/" + key;
            default -> "file://" + dirRoot().resolve(key);
        };
    }

    private String put(String provider, String key, byte[] bytes) {
        switch (provider) {
            case "s3" -> s3.putObject(b -> b.bucket(s3Bucket).key(key), RequestBody.fromBytes(bytes));
            case "gs" -> gcs.create(BlobInfo.newBuilder(gcsBucket, key).build(), bytes);
            case "az" -> azure.getBlobContainerClient(container).getBlobClient(key)
                    .upload(com.azure.core.util.BinaryData.fromBytes(bytes), true);
            default -> {
                try {
                    Path file = dirRoot().resolve(key);
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return location(provider, key);
    }

    private byte[] read(String location) throws IOException {
        if (location.startsWith("s3://")) {
            return s3.getObjectAsBytes(b -> b.bucket(s3Bucket).key(location.substring(("s3://" + s3Bucket + "/")
                    .length()))).asByteArray();
        }
        if (location.startsWith("gs://")) {
            return gcs.readAllBytes(BlobId.of(gcsBucket, location.substring(("gs://" + gcsBucket + "/").length())));
        }
        if (location.startsWith("az://")) {
            BlobContainerClient c = azure.getBlobContainerClient(container);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.getBlobClient(location.substring(("az://" + account.accountName() + "/" + container + "/").length()))
                    .downloadStream(out);
            return out.toByteArray();
        }
        return Files.readAllBytes(Path.of(location.substring("file://".length())));
    }

    private Path dirRoot() {
        return dir.toAbsolutePath();
    }
}
