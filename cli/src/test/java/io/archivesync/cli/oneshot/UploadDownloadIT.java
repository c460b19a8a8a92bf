package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upload}, {@code download} and {@code copy} between providers, end to end through the embedded pipeline: a
 * local tree to the GCS fixture (through the real client), back down to another directory, and across to Azurite.
 */
@ExtendWith(StackExtension.class)
class UploadDownloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MODIFIED = Instant.parse("2024-03-01T08:00:00Z");

    @Test
    void shouldUploadATreeDownloadItBackAndCopyItToAnotherCloud(Stack stack, @TempDir Path state,
                                                                 @TempDir Path work) throws Exception {
        // Given a local tree with nested files, a symbolic link (skipped), a GCS bucket and an Azure container
        Path up = work.resolve("up");
        write(up.resolve("a.txt"), "alpha");
        write(up.resolve("day/1/b.bin"), "bravo ".repeat(1000));
        write(up.resolve("day/2/c.bin"), "charlie");
        Files.createSymbolicLink(up.resolve("link.txt"), up.resolve("a.txt"));
        Storage gcs = stack.gcs().newClient();
        String bucket = "up-" + UUID.randomUUID().toString().substring(0, 8);
        gcs.create(BucketInfo.of(bucket));
        AzureBlobEndpoint azure = stack.azureBlob();
        BlobServiceClient az = new BlobServiceClientBuilder().connectionString(azure.connectionString())
                .buildClient();
        String container = "up-" + UUID.randomUUID().toString().substring(0, 8);
        az.createBlobContainer(container);

        // When the tree is uploaded to GCS
        OneShotRun upload = run(stack, azure, state, "upload", up.toString(), "gs://" + bucket + "/tree");

        // Then every regular file is there under the same relative key, and the link is not
        assertThat(upload.exitCode()).as(upload.err()).isZero();
        JsonNode summary = JSON.readTree(upload.out());
        assertThat(summary.get("objects").asLong()).isEqualTo(3);
        assertThat(summary.get("copied").asLong()).isEqualTo(3);
        assertThat(new String(gcs.readAllBytes(BlobId.of(bucket, "tree/day/2/c.bin")), StandardCharsets.UTF_8))
                .isEqualTo("charlie");
        assertThat(gcs.get(BlobId.of(bucket, "tree/link.txt"))).isNull();

        // When it is downloaded to another directory
        Path down = work.resolve("down");
        OneShotRun download = run(stack, azure, state, "download", "gs://" + bucket + "/tree", down.toString());

        // Then the tree is the same, with the modification times kept through GCS
        assertThat(download.exitCode()).as(download.err()).isZero();
        for (String file : List.of("a.txt", "day/1/b.bin", "day/2/c.bin")) {
            assertThat(down.resolve(file)).hasSameBinaryContentAs(up.resolve(file));
            assertThat(Files.getLastModifiedTime(down.resolve(file)).toInstant().truncatedTo(ChronoUnit.SECONDS))
                    .isEqualTo(MODIFIED);
        }

        // When GCS is copied across to Azure
        OneShotRun copy = run(stack, azure, state, "copy", "gs://" + bucket + "/tree",
                "az://" + azure.accountName() + "/" + container + "/from-gcs");

        // Then Azure has the same objects
        assertThat(copy.exitCode()).as(copy.err() + copy.out()).isZero();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        az.getBlobContainerClient(container).getBlobClient("from-gcs/day/1/b.bin").downloadStream(b);
        assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo("bravo ".repeat(1000));

        // And a second upload is answered from the state: nothing is copied again
        OneShotRun again = run(stack, azure, state, "upload", up.toString(), "gs://" + bucket + "/tree");
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.get("copied").asLong()).isZero();
        assertThat(second.get("skipped").asLong()).isEqualTo(3);
    }

    @Test
    void shouldRefuseADestinationContainerThatDoesNotExistWithOneLine(Stack stack, @TempDir Path state,
                                                                      @TempDir Path work) throws Exception {
        write(work.resolve("x.txt"), "x");
        AzureBlobEndpoint azure = stack.azureBlob();

        OneShotRun run = run(stack, azure, state, "upload", work.toString(),
                "az://" + azure.accountName() + "/no-such-container/x");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("does not exist");
    }

    private static OneShotRun run(Stack stack, AzureBlobEndpoint azure, Path state, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", "--no-live",
                "--set", "storage.remotes.gs={type: gs, endpoint: '" + stack.gcs().endpoint() + "', project: "
                        + stack.gcs().projectId() + ", anonymous: true}",
                "--set", "storage.remotes.azurite={type: az, endpoint: '" + azure.blobEndpoint() + "', account: "
                        + azure.accountName() + ", accountKey: '" + azure.accountKey() + "'}"));
        return OneShotRun.run(stack, state, all.toArray(String[]::new));
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }
}
