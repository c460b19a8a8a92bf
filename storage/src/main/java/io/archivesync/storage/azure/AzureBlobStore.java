package io.archivesync.storage.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.BlobAsyncClient;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceAsyncClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Capabilities;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Azure Blob Storage, one storage account: {@code az://account/container/key}. Built on the real
 * {@code azure-storage-blob} client with the account's shared key, over the JDK's HTTP client; metadata calls use its
 * async client (futures that never throw), content its blocking one.
 *
 * <p>Writes stage one block per part ({@link AzureBlobWrite}); copies stay on Azure's side ({@link AzureCopier}),
 * from a blob of this account or from any URL Azure can fetch ({@code sourceUrl}: a presigned S3 URL, say). Others read
 * this account's blobs through {@link #sasUrl}.
 */
public final class AzureBlobStore implements BlobStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(AzureBlobStore.class);
    /** How long a SAS this store makes for its own copies stays valid: longer than any copy runs. */
    private static final Duration COPY_SAS_VALIDITY = Duration.ofDays(1);

    private final AzureBlobConfig config;
    private final BlobServiceClient client;
    private final BlobServiceAsyncClient asyncClient;
    private final HttpClient probeClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AzureCopier copier;

    public AzureBlobStore(AzureBlobConfig config) {
        this(config, Limits.MAX_SYNC_COPY_BYTES);
    }

    /** A store that copies Azure blobs larger than {@code maxSyncCopyBytes} asynchronously (Copy Blob). */
    AzureBlobStore(AzureBlobConfig config, long maxSyncCopyBytes) {
        this(config, maxSyncCopyBytes, List.of());
    }

    /** The same, with pipeline policies that see every request (tests count them). */
    AzureBlobStore(AzureBlobConfig config, long maxSyncCopyBytes, List<HttpPipelinePolicy> policies) {
        this.config = config;
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                .endpoint(config.endpoint().toString())
                .credential(new StorageSharedKeyCredential(config.account(), config.accountKey()))
                .httpClient(new JdkHttpClientBuilder().build());
        policies.forEach(builder::addPolicy);
        this.client = builder.buildClient();
        this.asyncClient = builder.buildAsyncClient();
        this.copier = new AzureCopier(config.copyBlockBytes(), maxSyncCopyBytes);
        LOGGER.info("Azure Blob store config={}", config);
    }

    @Override
    public String scheme() {
        return "az";
    }

    /** Writes go in blocks of up to 4000 MiB each, one per part. */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true, true, Limits.MAX_BLOCK_BYTES);
    }

    @Override
    public CompletableFuture<Optional<BlobInfo>> head(BlobRef ref) {
        return AsyncCalls.future(() -> asyncBlob(ref).getPropertiesWithResponse(null)
                        .map(r -> Optional.of(AzureBlobs.info(ref, r.getValue())))
                        .onErrorResume(AzureErrors::isNotFound, e -> Mono.just(Optional.empty())),
                "head " + ref);
    }

    @Override
    public BlobRead read(BlobRef ref, ReadOptions options) {
        return AzureBlobRead.open(blob(ref), ref, options);
    }

    @Override
    public BlobWrite write(BlobRef ref, WriteOptions options) {
        return new AzureBlobWrite(blob(ref).getBlockBlobClient(), ref, options);
    }

    /** Goes on after the blocks write {@code writeId} staged and did not commit (Get Block List, uncommitted). */
    @Override
    public Optional<BlobWrite> resume(BlobRef ref, String writeId, WriteOptions options) {
        if (!BlockIds.isWriteId(writeId)) {
            LOGGER.warn("Not resuming a write whose id is not one of this store's blob={} writeId={}", ref, writeId);
            return Optional.empty();
        }
        AccessTiers.parse(options.storageClass());
        BlockBlobClient blob = blob(ref).getBlockBlobClient();
        return StagedBlocks.of(blob, ref, writeId).map(staged -> {
            LOGGER.info("Write resumed blob={} writeId={} blocks={} bytes={}", ref, writeId, staged.ids().size(),
                    staged.bytes());
            return new AzureBlobWrite(blob, ref, options, writeId, staged, 1);
        });
    }

    @Override
    public Iterator<BlobPage> list(BlobRef prefix, String delimiter) {
        AzureLocation location = location(prefix, false);
        return new AzureListing(client.getBlobContainerClient(location.container()), prefix, delimiter);
    }

    /** Deletes the blob with its snapshots; one already gone (or whose container is) is success. */
    @Override
    public CompletableFuture<Void> delete(BlobRef ref, Precondition precondition) {
        return AsyncCalls.future(() -> asyncBlob(ref)
                        .deleteIfExistsWithResponse(DeleteSnapshotsOptionType.INCLUDE,
                                AzureBlobs.conditions(precondition))
                        .onErrorResume(AzureErrors::isNotFound, e -> Mono.empty())
                        .then(),
                "delete " + ref);
    }

    /**
     * Copies on Azure's side: from a blob of this account (by a SAS this store makes), or from {@code sourceUrl}
     * (Azure's own blob URL with a SAS, or any other URL Azure can fetch, such as a presigned S3 URL). Empty for a
     * source Azure cannot reach without us: another account or another cloud with no URL given.
     */
    @Override
    public Optional<CompletableFuture<BlobInfo>> copy(BlobRef source, String sourceUrl, BlobRef destination,
                                                      WriteOptions options) {
        boolean ours = "az".equals(source.scheme()) && source.container().startsWith(config.account() + "/");
        if (sourceUrl == null && !ours) {
            return Optional.empty();
        }
        String doing = "copy " + source + " to " + destination;
        return Optional.of(AsyncCalls.future(() -> {
            AccessTiers.parse(options.storageClass());
            BlobAsyncClient target = asyncBlob(destination);
            Mono<Void> copy;
            if (ours) {
                String url = sourceUrl != null ? sourceUrl : sasUrl(source, COPY_SAS_VALIDITY);
                copy = asyncBlob(source).getProperties().flatMap(p -> copier.copyBlob(url, p.getBlobSize(),
                        p.getETag(), target, options));
            } else {
                copy = sourceSize(sourceUrl, source, options).flatMap(size -> "az".equals(source.scheme())
                        ? copier.copyBlob(sourceUrl, size, null, target, options)
                        : copier.copyRanges(sourceUrl, size, target.getBlockBlobAsyncClient(), options));
            }
            return copy.then(target.getProperties()).map((BlobProperties p) -> AzureBlobs.info(destination, p));
        }, doing));
    }

    /**
     * A URL anyone can read the blob from until {@code validity} has passed: the blob's URL with a service SAS (read
     * only) signed by the account key. It is a secret while valid: never log it.
     */
    @Override
    public Optional<String> readUrl(BlobRef ref, Duration validity) {
        return Optional.of(sasUrl(ref, validity));
    }

    public String sasUrl(BlobRef ref, Duration validity) {
        BlobClient blob = blob(ref);
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(OffsetDateTime.now().plus(validity),
                new BlobSasPermission().setReadPermission(true)).setStartTime(OffsetDateTime.now().minusMinutes(5));
        return blob.getBlobUrl() + "?" + blob.generateSas(values);
    }

    @Override
    public void close() {
        // The JDK's HTTP clients hold no resources that outlive their last request; nothing to release.
    }

    /** The blocking client, for tests that set up containers. */
    BlobServiceClient client() {
        return client;
    }

    private Mono<Long> sourceSize(String sourceUrl, BlobRef source, WriteOptions options) {
        if (options.size() >= 0) {
            return Mono.just(options.size());
        }
        return Mono.fromFuture(() -> new SourceSize(probeClient).of(sourceUrl)).flatMap(size -> size >= 0
                ? Mono.just(size)
                : Mono.error(new StorageException(ErrorKind.INVALID, "UnknownLength", -1,
                        "the length of " + source + " is unknown; give it in the write options", null)));
    }

    private BlobClient blob(BlobRef ref) {
        AzureLocation location = location(ref, true);
        return client.getBlobContainerClient(location.container()).getBlobClient(location.blob());
    }

    private BlobAsyncClient asyncBlob(BlobRef ref) {
        AzureLocation location = location(ref, true);
        return asyncClient.getBlobContainerAsyncClient(location.container()).getBlobAsyncClient(location.blob());
    }

    private AzureLocation location(BlobRef ref, boolean blob) {
        AzureLocation location = blob ? AzureLocation.ofBlob(ref) : AzureLocation.of(ref);
        if (!location.account().equals(config.account())) {
            throw new StorageException(ErrorKind.INVALID, "OtherAccount", -1, "'" + ref + "' is not in account "
                    + config.account() + ", the one this store serves", null);
        }
        return location;
    }
}
