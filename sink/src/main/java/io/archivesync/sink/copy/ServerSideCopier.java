package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.s3.ETags;
import io.archivesync.core.s3.S3Location;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
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
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        String batchId = task.batchId();
        String uri = request.getSource().getUri();
        if (!S3Location.isS3(uri)) {
            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                    CopyOutcome.FAILED_OTHER, ErrorKind.FINAL, "UnsupportedSource",
                    "source " + uri + " is not in S3; server-side copy needs an s3:// source", 0));
        }
        S3Location source;
        try {
            source = S3Location.parse(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Results.invalid(request, batchId, started, "InvalidSource",
                    e.getMessage()));
        }
        AtomicInteger requests = new AtomicInteger();
        String etag = ETags.unquote(request.getExpectedEtag());
        String unlessEtag = etag == null ? ETags.unquote(task.currentSourceEtag()) : null;
        Long size = request.getExpectedSize();
        CompletableFuture<CopyResult> copy;
        boolean recordEtag = etag != null && !ETags.looksLikeMd5(etag)
                && !ObjectMetadata.chosen(settings.metadata(), request).replace();
        if (size != null && !settings.serverSide().multipart(size) && !recordEtag) {
            copy = single(task, started, source, etag, unlessEtag, size, null, requests);
        } else if (size == null && unlessEtag != null) {
            // a re-run of a request that carries no version: one conditional CopyObject answers "still current"
            copy = single(task, started, source, null, unlessEtag, null, null, requests)
                    .thenCompose(r -> tooLargeForOneCopy(r)
                            ? headThenCopy(task, started, source, null, unlessEtag, requests) : done(r));
        } else {
            copy = headThenCopy(task, started, source, etag, unlessEtag, requests);
        }
        return copy.exceptionally(error -> Results.failed(request, batchId, started,
                StorageErrors.classify(error, "copy of " + uri), requests.get()));
    }

    private CompletableFuture<CopyResult> headThenCopy(CopyTask task, long started, S3Location source, String etag,
                                                       String unlessEtag, AtomicInteger requests) {
        FileSyncRequest request = task.request();
        requests.incrementAndGet();
        return sources.apply(request.getSource().getRegion(), request.getSource().getAnonymous())
                .headObject(b -> b.bucket(source.bucket()).key(source.key()).ifMatch(ETags.quote(etag)))
                .thenCompose(head -> {
                    String seen = ETags.unquote(head.eTag());
                    if (unlessEtag != null && unlessEtag.equals(seen)) {
                        return done(stillCurrent(task, started, unlessEtag, head.contentLength(), requests));
                    }
                    // the copy is pinned to the version the HEAD saw, and its result says which one that was, so the
                    // next run of a request without a version can ask "still that ETag?" in one request
                    String pinned = etag != null ? etag : seen;
                    CompletableFuture<CopyResult> copy = settings.serverSide().multipart(head.contentLength())
                            ? multipart(request, task.batchId(), started, source, pinned, head, requests)
                            : single(task, started, source, pinned, null, head.contentLength(), head, requests);
                    return copy.thenApply(r -> r.getSourceEtag() != null ? r : CopyResult.newBuilder(r)
                            .setSourceEtag(pinned).setSourceSize(head.contentLength()).build());
                });
    }

    /** A CopyObject refused because the source is above its 5 GiB limit: the object must go in parts. */
    private static boolean tooLargeForOneCopy(CopyResult r) {
        return r.getErrorKind() == ErrorKind.INVALID || "EntityTooLarge".equals(r.getErrorClass());
    }

    /**
     * One CopyObject. A source whose ETag is not a plain MD5 (a multipart upload's) gives a copy with another ETag,
     * so the copy records the source's ETag in its metadata, as multipart copies do, for the next incremental check;
     * keeping the source's metadata beside it needs the source's HEAD ({@code sourceHead}).
     */
    private CompletableFuture<CopyResult> single(CopyTask task, long started, S3Location source, String etag,
                                                 String unlessEtag, Long size, HeadObjectResponse sourceHead,
                                                 AtomicInteger requests) {
        FileSyncRequest request = task.request();
        SinkSettings.Metadata metadata = ObjectMetadata.chosen(settings.metadata(), request);
        CopyObjectRequest.Builder copy = CopyObjectRequest.builder()
                .sourceBucket(source.bucket())
                .sourceKey(source.key())
                .destinationBucket(request.getDestination().getBucket())
                .destinationKey(request.getDestination().getKey())
                .copySourceIfMatch(ETags.quote(etag))
                .copySourceIfNoneMatch(ETags.quote(unlessEtag))
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .storageClass(settings.storageClass());
        String seen = etag != null ? etag : sourceHead == null ? null : ETags.unquote(sourceHead.eTag());
        String record = seen != null && !ETags.looksLikeMd5(seen) ? seen : null;
        if (metadata.replace()) {
            copy.metadataDirective(MetadataDirective.REPLACE).contentType(metadata.contentType())
                    .metadata(MultipartServerSideCopy.withSourceEtag(metadata.userMetadata(), record));
        } else if (record != null && sourceHead != null) {
            copy.metadataDirective(MetadataDirective.REPLACE).contentType(sourceHead.contentType())
                    .cacheControl(sourceHead.cacheControl()).contentDisposition(sourceHead.contentDisposition())
                    .contentEncoding(sourceHead.contentEncoding()).contentLanguage(sourceHead.contentLanguage())
                    .metadata(MultipartServerSideCopy.withSourceEtag(sourceHead.metadata(), record));
        }
        requests.incrementAndGet();
        return s3.copyObject(copy.build())
                .thenApply(response -> copied(task, started, etag, size, response, requests))
                .exceptionally(error -> {
                    StorageErrors.Classified c = StorageErrors.classify(error, "copy of " + source);
                    if (unlessEtag != null && c.kind() == ErrorKind.PRECONDITION) {
                        return stillCurrent(task, started, unlessEtag, size == null ? 0 : size, requests);
                    }
                    return Results.failed(request, task.batchId(), started, c, requests.get());
                });
    }

    /** The source still has the ETag the destination's last good copy was made from: nothing to copy. */
    private static CopyResult stillCurrent(CopyTask task, long started, String etag, long size,
                                           AtomicInteger requests) {
        return Results.base(task.request(), task.batchId(), started)
                .setOutcome(CopyOutcome.SKIPPED_CURRENT)
                .setMethod(CopyMethod.NONE)
                .setMethodReason("the source still has ETag " + etag + ", from which the destination's last good "
                        + "copy was made (results table); not copied")
                .setSourceEtag(etag)
                .setBytes(size)
                .setStorageRequests(requests.get())
                .setVerification(Results.verification(VerificationMethod.ETAG, true, etag, etag))
                .build();
    }

    private CompletableFuture<CopyResult> multipart(FileSyncRequest request, String batchId, long started,
                                                    S3Location source, String etag, HeadObjectResponse head,
                                                    AtomicInteger requests) {
        SinkSettings.Metadata metadata = ObjectMetadata.chosen(settings.metadata(), request);
        String sourceEtag = etag != null ? etag : ETags.unquote(head.eTag());
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

    /**
     * The copy's result. The source's version is guaranteed by {@code x-amz-copy-source-if-match}; the copy's ETag is
     * reported as evidence when it equals the source's, but a different one proves nothing (a multipart or
     * KMS-encrypted source, another encryption at the destination), so it never fails a copy: the SHA-256 does.
     */
    private static CopyResult copied(CopyTask task, long started, String expectedEtag, Long size,
                                     CopyObjectResponse response, AtomicInteger requests) {
        String actual = ETags.unquote(response.copyObjectResult().eTag());
        String sha256 = Hex.base64ToHex(response.copyObjectResult().checksumSHA256());
        boolean same = expectedEtag != null && expectedEtag.equals(actual);
        return Results.base(task.request(), task.batchId(), started)
                .setOutcome(CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE)
                .setMethodReason("server-side CopyObject, no bytes through the copier")
                .setBytes(size != null ? size : 0)
                .setStorageRequests(requests.get())
                .setVerification(same
                        ? Results.verification(VerificationMethod.ETAG, true, expectedEtag, actual)
                        : Results.verification(VerificationMethod.NONE, false, null, actual))
                .setDestinationSha256(sha256)
                .setDestinationSha256Source(sha256 == null ? VerificationMethod.NONE
                        : VerificationMethod.STORAGE_CHECKSUM)
                .build();
    }

    private static CompletableFuture<CopyResult> done(CopyResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
