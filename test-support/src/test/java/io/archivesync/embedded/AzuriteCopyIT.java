package io.archivesync.embedded;

import static io.archivesync.embedded.AzuriteClients.blockId;
import static io.archivesync.embedded.AzuriteClients.md5;
import static io.archivesync.embedded.AzuriteClients.randomBytes;
import static io.archivesync.embedded.AzuriteClients.readableUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.SyncPoller;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobCopyInfo;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.CopyStatusType;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockFromUrlOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server-side copies, ETag preconditions and access tiers with the real client against the stack's Azurite.
 *
 * <p>Every copy's source is in the same Azurite: Azurite 3.37.0 cannot fetch from anywhere else (a presigned S3 URL,
 * say: Copy Blob answers 404 BlobNotFound, Put Block From URL 404 CannotVerifyCopySource), and it answers Put Blob
 * From URL with 501 APINotImplemented. Unlike Azure, it copies by URL (Copy Blob From URL) without a SAS on the
 * source; the tests send one anyway, as Azure needs. And it rehydrates an archived blob at once, where Azure takes
 * hours (archive status {@code rehydrate-pending-to-hot} meanwhile), so no test here relies on rehydration.
 */
@ExtendWith(StackExtension.class)
class AzuriteCopyIT {

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
    void shouldCopyFromUrlSynchronously() {
        // Given a source blob with metadata, in another container
        BlobClient source = AzuriteClients.newContainer(service, "copy-src").getBlobClient("source.bin");
        byte[] data = randomBytes(300_000, 7);
        source.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(data))
                .setMetadata(Map.of("origin", "s3")), null, Context.NONE);
        BlobClient target = AzuriteClients.newContainer(service, "copy-dst").getBlobClient("target.bin");

        // When it is copied by URL, in one call
        String copyId = target.copyFromUrl(readableUrl(source));

        // Then the copy is complete when the call returns, with the source's bytes and metadata
        assertThat(copyId).isNotBlank();
        assertThat(target.getProperties().getCopyStatus()).isEqualTo(CopyStatusType.SUCCESS);
        assertThat(target.getProperties().getMetadata()).containsEntry("origin", "s3");
        assertThat(md5(target.downloadContent().toBytes())).isEqualTo(md5(data));
    }

    @Test
    void shouldCopyAsynchronouslyWithAPoller() {
        BlobContainerClient container = AzuriteClients.newContainer(service, "begin-copy");
        BlobClient source = container.getBlobClient("source.bin");
        byte[] data = randomBytes(2 * MIB, 8);
        source.upload(BinaryData.fromBytes(data));
        BlobClient target = container.getBlobClient("target.bin");

        SyncPoller<BlobCopyInfo, Void> poller = target.beginCopy(source.getBlobUrl(), Duration.ofMillis(100));
        BlobCopyInfo done = poller.waitForCompletion(Duration.ofSeconds(30)).getValue();

        assertThat(done.getCopyStatus()).isEqualTo(CopyStatusType.SUCCESS);
        assertThat(md5(target.downloadContent().toBytes())).isEqualTo(md5(data));
    }

    @Test
    void shouldAssembleABlobFromRangesStagedByUrl() {
        // Given a 3.5 MiB source
        BlobClient source = AzuriteClients.newContainer(service, "range-src").getBlobClient("source.bin");
        byte[] data = randomBytes(3 * MIB + MIB / 2, 9);
        source.upload(BinaryData.fromBytes(data));
        String sourceUrl = readableUrl(source);
        BlockBlobClient target = AzuriteClients.newContainer(service, "range-dst").getBlobClient("target.bin")
                .getBlockBlobClient();

        // When each 1 MiB range (the last one short) is staged from the source's URL and the list committed
        List<String> ids = new ArrayList<>();
        for (long offset = 0, i = 0; offset < data.length; offset += MIB, i++) {
            String id = blockId((int) i);
            target.stageBlockFromUrl(id, sourceUrl, new BlobRange(offset, Math.min(MIB, data.length - offset)));
            ids.add(id);
        }
        target.commitBlockList(ids);

        // Then the target holds the source's bytes, in four blocks, without the client having read them
        assertThat(target.getProperties().getBlobSize()).isEqualTo(data.length);
        assertThat(md5(target.downloadContent().toBytes())).isEqualTo(md5(data));
        assertThat(target.listBlocks(BlockListType.COMMITTED).getCommittedBlocks())
                .hasSize(4);
    }

    @Test
    void shouldRefuseARangeStagedByUrlWhoseSourceMd5IsWrong() {
        // Given a source, and a range of it whose MD5 the copier states wrongly
        BlobClient source = AzuriteClients.newContainer(service, "md5-src").getBlobClient("source.bin");
        byte[] data = randomBytes(64 * 1024, 10);
        source.upload(BinaryData.fromBytes(data));
        BlockBlobClient target = AzuriteClients.newContainer(service, "md5-dst").getBlobClient("target.bin")
                .getBlockBlobClient();

        // When the range is staged by URL with that MD5, Then the service refuses it
        assertThatThrownBy(() -> target.stageBlockFromUrlWithResponse(new BlockBlobStageBlockFromUrlOptions(
                        blockId(0), readableUrl(source)).setSourceRange(new BlobRange(0, 1024L))
                        .setSourceContentMd5(md5(Arrays.copyOfRange(data, 1, 1025))), null, Context.NONE))
                .isInstanceOfSatisfying(BlobStorageException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo(BlobErrorCode.MD5MISMATCH);
                });

        // And with the right MD5 it is staged
        target.stageBlockFromUrlWithResponse(new BlockBlobStageBlockFromUrlOptions(blockId(0), readableUrl(source))
                .setSourceRange(new BlobRange(0, 1024L)).setSourceContentMd5(md5(Arrays.copyOfRange(data, 0, 1024))),
                null, Context.NONE);
        assertThat(target.listBlocks(BlockListType.UNCOMMITTED).getUncommittedBlocks()).hasSize(1);
    }

    @Test
    void shouldRefuseAWriteWhoseIfMatchEtagIsStale() {
        // Given a blob that changed after its ETag was read
        BlobClient blob = AzuriteClients.newContainer(service, "etag").getBlobClient("object");
        blob.upload(AzuriteClients.text("first"));
        String staleEtag = blob.getProperties().getETag();
        blob.upload(AzuriteClients.text("second"), true);

        // When it is overwritten on condition that the ETag is still the old one
        assertThatThrownBy(() -> blob.uploadWithResponse(new BlobParallelUploadOptions(
                        AzuriteClients.text("third")).setRequestConditions(new BlobRequestConditions()
                        .setIfMatch(staleEtag)), null, Context.NONE))
                // Then the service refuses it: 412 ConditionNotMet, and the content stays
                .isInstanceOfSatisfying(BlobStorageException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(412);
                    assertThat(e.getErrorCode()).isEqualTo(BlobErrorCode.CONDITION_NOT_MET);
                });
        assertThat(blob.downloadContent().toString()).isEqualTo("second");

        // And the current ETag is accepted
        blob.uploadWithResponse(new BlobParallelUploadOptions(AzuriteClients.text("third"))
                .setRequestConditions(new BlobRequestConditions().setIfMatch(blob.getProperties().getETag())),
                null, Context.NONE);
        assertThat(blob.downloadContent().toString()).isEqualTo("third");
    }

    @Test
    void shouldRefuseToOverwriteWhenIfNoneMatchIsAny() {
        BlobClient blob = AzuriteClients.newContainer(service, "no-overwrite").getBlobClient("object");
        blob.upload(AzuriteClients.text("first"));

        assertThatThrownBy(() -> blob.upload(AzuriteClients.text("second"), false))
                .isInstanceOfSatisfying(BlobStorageException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getErrorCode()).isEqualTo(BlobErrorCode.BLOB_ALREADY_EXISTS);
                });
    }

    @Test
    void shouldUploadToATierAndMoveBetweenTiers() {
        BlobClient blob = AzuriteClients.newContainer(service, "tiers").getBlobClient("object");
        blob.uploadWithResponse(new BlobParallelUploadOptions(AzuriteClients.text("cool data"))
                .setTier(AccessTier.COOL), null, Context.NONE);
        assertThat(blob.getProperties().getAccessTier()).isEqualTo(AccessTier.COOL);

        blob.setAccessTier(AccessTier.COLD);
        assertThat(blob.getProperties().getAccessTier()).isEqualTo(AccessTier.COLD);
        blob.setAccessTier(AccessTier.HOT);
        assertThat(blob.getProperties().getAccessTier()).isEqualTo(AccessTier.HOT);

        blob.setAccessTier(AccessTier.ARCHIVE);
        assertThat(blob.getProperties().getAccessTier()).isEqualTo(AccessTier.ARCHIVE);
        assertThatThrownBy(blob::downloadContent).as("an archived blob is offline")
                .isInstanceOfSatisfying(BlobStorageException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(409));
    }
}
