package io.archivesync.embedded;

import static io.archivesync.embedded.AzuriteClients.blockId;
import static io.archivesync.embedded.AzuriteClients.md5;
import static io.archivesync.embedded.AzuriteClients.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real {@code azure-storage-blob} client against the stack's Azurite: the calls the Azure source and destination
 * will make (upload, staged blocks, ranged reads, paged listing, delete). Copies, preconditions and tiers are in
 * {@link AzuriteCopyIT}.
 */
@ExtendWith(StackExtension.class)
class AzuriteIT {

    private static final int MIB = 1024 * 1024;

    private static BlobServiceClient service;

    /** Per test, not once per class: without node each test is then reported skipped, with the reason. */
    @BeforeEach
    void connect(Stack stack) {
        AzureBlobEndpoint endpoint = stack.azureBlob();
        if (service == null) {
            service = AzuriteClients.serviceClient(endpoint);
        }
    }

    @Test
    void shouldKeepContentMd5AndMetadataOfASmallUpload() {
        // Given a small blob uploaded with its MD5 and metadata
        BlobContainerClient container = AzuriteClients.newContainer(service, "small");
        byte[] data = "one small object".getBytes(StandardCharsets.UTF_8);
        BlobClient blob = container.getBlobClient("a/b/small.txt");
        blob.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(data))
                .setHeaders(new BlobHttpHeaders().setContentMd5(md5(data)).setContentType("text/plain"))
                .setMetadata(Map.of("sourceetag", "abc123", "sourcebucket", "archive")), null, Context.NONE);

        // When its properties are read
        BlobProperties properties = blob.getProperties();

        // Then they carry what was sent
        assertThat(properties.getBlobSize()).isEqualTo(data.length);
        assertThat(properties.getContentMd5()).isEqualTo(md5(data));
        assertThat(properties.getContentType()).isEqualTo("text/plain");
        assertThat(properties.getMetadata()).containsEntry("sourceetag", "abc123")
                .containsEntry("sourcebucket", "archive");
        assertThat(blob.downloadContent().toBytes()).isEqualTo(data);
    }

    @Test
    void shouldRejectAnUploadWhoseTransactionalMd5IsWrong() {
        BlobContainerClient container = AzuriteClients.newContainer(service, "md5");
        byte[] data = "the bytes sent".getBytes(StandardCharsets.UTF_8);
        BlockBlobClient blob = container.getBlobClient("wrong-md5").getBlockBlobClient();

        assertThatThrownBy(() -> blob.uploadWithResponse(new ByteArrayInputStream(data), data.length, null, null,
                null, md5("other bytes".getBytes(StandardCharsets.UTF_8)), null, null, Context.NONE))
                .isInstanceOfSatisfying(BlobStorageException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo(BlobErrorCode.MD5MISMATCH);
                });
        assertThat(blob.exists()).isFalse();
    }

    @Test
    void shouldCommitAMultiMebibyteBlobFromStagedBlocksAndServeRanges() {
        // Given 5 MiB staged as five 1 MiB blocks and committed in order
        BlobContainerClient container = AzuriteClients.newContainer(service, "blocks");
        byte[] data = randomBytes(5 * MIB, 42);
        BlockBlobClient blob = container.getBlobClient("big.bin").getBlockBlobClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = blockId(i);
            blob.stageBlock(id, BinaryData.fromBytes(Arrays.copyOfRange(data, i * MIB, (i + 1) * MIB)));
            ids.add(id);
        }
        assertThat(blob.exists()).as("staged, not committed").isFalse();
        blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(ids)
                .setHeaders(new BlobHttpHeaders().setContentMd5(md5(data))), null, Context.NONE);

        // Then it reads back whole, with the MD5 set at commit
        assertThat(blob.getProperties().getBlobSize()).isEqualTo(data.length);
        assertThat(blob.getProperties().getContentMd5()).isEqualTo(md5(data));
        assertThat(md5(blob.downloadContent().toBytes())).isEqualTo(md5(data));
        assertThat(blob.listBlocks(BlockListType.COMMITTED).getCommittedBlocks())
                .hasSize(5);

        // And a range across a block boundary reads exactly those bytes
        ByteArrayOutputStream range = new ByteArrayOutputStream();
        blob.downloadStreamWithResponse(range, new BlobRange(MIB - 100, 300L), null, null, false, null,
                Context.NONE);
        assertThat(range.toByteArray()).isEqualTo(Arrays.copyOfRange(data, MIB - 100, MIB + 200));
    }

    @Test
    void shouldListByPrefixPageByPage() {
        // Given seven blobs under a prefix and two outside it
        BlobContainerClient container = AzuriteClients.newContainer(service, "list");
        for (int i = 0; i < 7; i++) {
            container.getBlobClient("day=01/part-" + i).upload(AzuriteClients.text("x" + i));
        }
        container.getBlobClient("day=02/part-0").upload(AzuriteClients.text("y"));
        container.getBlobClient("other").upload(AzuriteClients.text("z"));

        // When they are listed three to a page
        List<List<String>> pages = new ArrayList<>();
        String secondPageToken = null;
        for (PagedResponse<BlobItem> page : container.listBlobs(new ListBlobsOptions().setPrefix("day=01/")
                .setMaxResultsPerPage(3), null).iterableByPage()) {
            pages.add(page.getValue().stream().map(BlobItem::getName).toList());
            if (pages.size() == 1) {
                secondPageToken = page.getContinuationToken();
            }
        }

        // Then the pages hold the prefix's blobs in name order, and a continuation token resumes the listing
        assertThat(pages).containsExactly(
                List.of("day=01/part-0", "day=01/part-1", "day=01/part-2"),
                List.of("day=01/part-3", "day=01/part-4", "day=01/part-5"),
                List.of("day=01/part-6"));
        assertThat(secondPageToken).isNotBlank();
        PagedResponse<BlobItem> resumed = container.listBlobs(new ListBlobsOptions().setPrefix("day=01/")
                .setMaxResultsPerPage(3), null).iterableByPage(secondPageToken).iterator().next();
        assertThat(resumed.getValue()).extracting(BlobItem::getName).first().isEqualTo("day=01/part-3");
    }

    @Test
    void shouldDeleteABlobAndAnswerNotFoundAfterwards() {
        BlobContainerClient container = AzuriteClients.newContainer(service, "delete");
        BlobClient blob = container.getBlobClient("gone");
        blob.upload(AzuriteClients.text("soon gone"));

        blob.delete();

        assertThat(blob.exists()).isFalse();
        assertThat(blob.deleteIfExists()).isFalse();
        assertThatThrownBy(blob::getProperties).isInstanceOfSatisfying(BlobStorageException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
}
