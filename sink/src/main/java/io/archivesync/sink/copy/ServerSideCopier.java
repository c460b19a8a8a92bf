package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.s3.S3Location;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * Copies inside the storage: no byte passes through us. Up to {@code sink.serverSide.multipartThreshold} one
 * CopyObject, above it (and always above 5 GiB) a {@link MultipartServerSideCopy}. When the request carries the
 * source's ETag, the copy is made only if the source still has it ({@code x-amz-copy-source-if-match}), and a
 * single copy's ETag is compared with it afterwards; a mismatching copy is deleted, never left as if good. CopyObject
 * asks the storage for a SHA-256 (real S3 computes one), which the verifier then uses instead of reading the copy.
 */
public final class ServerSideCopier implements Copier {

    private static final Logger LOGGER = LoggerFactory.getLogger(ServerSideCopier.class);

    private final S3AsyncClient s3;
    private final BiFunction<String, Boolean, S3AsyncClient> sources;
    private final SinkSettings settings;

    /**
     * @param s3       the destination's client; copies are requests to the destination
     * @param sources  a client for a source region and credential kind, for the HEAD a multipart copy needs
     * @param settings part sizes, threshold, metadata and storage class
     */
    public ServerSideCopier(S3AsyncClient s3, BiFunction<String, Boolean, S3AsyncClient> sources,
                            SinkSettings settings) {
        this.s3 = s3;
        this.sources = sources;
        this.settings = settings;
    }

    @Override
    public CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        long started = System.nanoTime();
        String uri = request.getSource().getUri();
        if (!S3Location.isS3(uri)) {
            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                    CopyOutcome.FAILED_OTHER, "UnsupportedSource",
                    "source " + uri + " is not in S3; server-side copy needs an s3:// source", 0));
        }
        S3Location source;
        try {
            source = S3Location.parse(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                    CopyOutcome.FAILED_INVALID, "InvalidSource", e.getMessage(), 0));
        }
        AtomicInteger requests = new AtomicInteger();
        String etag = unquote(request.getExpectedEtag());
        try {
            Long size = request.getExpectedSize();
            CompletableFuture<CopyResult> copy;
            if (size != null && !settings.serverSide().multipart(size)) {
                copy = single(request, batchId, started, source, etag, size, requests);
            } else {
                requests.incrementAndGet();
                copy = sources.apply(request.getSource().getRegion(), request.getSource().getAnonymous())
                        .headObject(b -> b.bucket(source.bucket()).key(source.key())
                                .ifMatch(etag == null ? null : "\"" + etag + "\""))
                        .thenCompose(head -> settings.serverSide().multipart(head.contentLength())
                                ? multipart(request, batchId, started, source, etag, head, requests)
                                : single(request, batchId, started, source, etag, head.contentLength(), requests));
            }
            return copy.exceptionally(error -> {
                StorageErrors.Classified c = StorageErrors.classify(error, "copy of " + uri);
                return Results.failed(request, batchId, started, c.outcome(), c.errorClass(), c.message(),
                        requests.get());
            });
        } catch (RuntimeException e) {
            StorageErrors.Classified c = StorageErrors.classify(e, "copy of " + uri);
            return CompletableFuture.completedFuture(
                    Results.failed(request, batchId, started, c.outcome(), c.errorClass(), c.message(), requests.get()));
        }
    }

    private CompletableFuture<CopyResult> single(FileSyncRequest request, String batchId, long started,
                                                 S3Location source, String etag, long size, AtomicInteger requests) {
        SinkSettings.Metadata metadata = ObjectMetadata.chosen(settings.metadata(), request);
        CopyObjectRequest.Builder copy = CopyObjectRequest.builder()
                .sourceBucket(source.bucket())
                .sourceKey(source.key())
                .destinationBucket(request.getDestination().getBucket())
                .destinationKey(request.getDestination().getKey())
                .copySourceIfMatch(etag == null ? null : "\"" + etag + "\"")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .storageClass(settings.storageClass());
        if (metadata.replace()) {
            copy.metadataDirective(MetadataDirective.REPLACE).contentType(metadata.contentType())
                    .metadata(metadata.userMetadata());
        }
        requests.incrementAndGet();
        return s3.copyObject(copy.build())
                .thenCompose(response -> verifyEtag(request, batchId, started, etag, size, response, requests));
    }

    private CompletableFuture<CopyResult> multipart(FileSyncRequest request, String batchId, long started,
                                                    S3Location source, String etag, HeadObjectResponse head,
                                                    AtomicInteger requests) {
        SinkSettings.Metadata metadata = ObjectMetadata.chosen(settings.metadata(), request);
        String sourceEtag = etag != null ? etag : unquote(head.eTag());
        Map<String, String> userMetadata = metadata.replace() ? metadata.userMetadata() : head.metadata();
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                .contentType(metadata.replace() ? metadata.contentType() : head.contentType())
                .metadata(MultipartServerSideCopy.withSourceEtag(userMetadata, sourceEtag))
                .storageClass(settings.storageClass());
        long size = head.contentLength();
        return MultipartServerSideCopy.run(s3, source, sourceEtag, request.getDestination().getBucket(),
                        request.getDestination().getKey(), size, settings.serverSide().partSize(),
                        settings.serverSide().partsInFlight(), create, requests)
                .thenApply(destinationEtag -> Results.base(request, batchId, started)
                        .setOutcome(CopyOutcome.COPIED)
                        .setMethod(CopyMethod.MULTIPART_SERVER_SIDE)
                        .setMethodReason("multipart server-side copy (UploadPartCopy): " + size + " bytes is above "
                                + "sink.serverSide.multipartThreshold, no bytes through the copier")
                        .setBytes(size)
                        .setStorageRequests(requests.get())
                        .setVerification(Results.verification(VerificationMethod.NONE, false, sourceEtag,
                                destinationEtag))
                        .build());
    }

    private CompletableFuture<CopyResult> verifyEtag(FileSyncRequest request, String batchId, long started,
                                                     String expectedEtag, long size, CopyObjectResponse response,
                                                     AtomicInteger requests) {
        String actual = unquote(response.copyObjectResult().eTag());
        String sha256 = Hex.base64ToHex(response.copyObjectResult().checksumSHA256());
        boolean comparable = expectedEtag != null && !expectedEtag.contains("-");
        if (comparable && !expectedEtag.equals(actual)) {
            LOGGER.warn("copy mismatch, deleting destination={}/{} expectedEtag={} actualEtag={}",
                    request.getDestination().getBucket(), request.getDestination().getKey(), expectedEtag, actual);
            requests.incrementAndGet();
            return s3.deleteObject(b -> b.bucket(request.getDestination().getBucket())
                            .key(request.getDestination().getKey()))
                    .handle((ignored, deleteError) -> Results.base(request, batchId, started)
                            .setOutcome(CopyOutcome.FAILED_CHECKSUM)
                            .setMethod(CopyMethod.SERVER_SIDE)
                            .setMethodReason("server-side CopyObject")
                            .setStorageRequests(requests.get())
                            .setVerification(Results.verification(VerificationMethod.ETAG, false, expectedEtag, actual))
                            .setErrorClass("ETagMismatch")
                            .setErrorMessage("destination ETag " + actual + " differs from the source's " + expectedEtag
                                    + (deleteError == null ? "; the bad copy was deleted"
                                    : "; deleting the bad copy failed: " + deleteError.getMessage()))
                            .build());
        }
        return CompletableFuture.completedFuture(Results.base(request, batchId, started)
                .setOutcome(CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE)
                .setMethodReason("server-side CopyObject, no bytes through the copier")
                .setBytes(size)
                .setStorageRequests(requests.get())
                .setVerification(comparable
                        ? Results.verification(VerificationMethod.ETAG, true, expectedEtag, actual)
                        : Results.verification(VerificationMethod.NONE, false, null, actual))
                .setDestinationSha256(sha256)
                .setDestinationSha256Source(sha256 == null ? VerificationMethod.NONE
                        : VerificationMethod.STORAGE_CHECKSUM)
                .build());
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.strip();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
