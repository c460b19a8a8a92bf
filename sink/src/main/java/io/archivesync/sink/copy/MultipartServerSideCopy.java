package io.archivesync.sink.copy;

import io.archivesync.core.s3.ETags;
import io.archivesync.core.s3.S3Location;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * A server-side copy in parts: CreateMultipartUpload, UploadPartCopy for each byte range (several at once), then
 * CompleteMultipartUpload. Still no byte passes through the copier. Needed above 5 GiB, where CopyObject stops, and
 * faster below it for big objects because parts copy in parallel. A failure aborts the upload, so no half-copied
 * parts are left behind (and billed); an upload a killed copier left for the same key is aborted before a new one
 * starts ({@link AbandonedUploads}).
 *
 * <p>Why not the transfer manager's copy: it runs the same three calls, but hides how many requests it issued and
 * offers no if-match on the source's ETag; results must count every request and a changed source must not be copied.
 */
final class MultipartServerSideCopy {

    private static final Logger LOGGER = LoggerFactory.getLogger(MultipartServerSideCopy.class);
    /** S3 allows at most this many parts; parts grow when an object would need more. */
    private static final int MAX_PARTS = 10_000;

    private MultipartServerSideCopy() {
    }

    /**
     * @return the destination's (composite) ETag
     */
    static CompletableFuture<String> run(S3AsyncClient s3, S3Location source, String sourceEtag, String bucket,
                                         String key, long size, long partSize, int partsInFlight,
                                         CreateMultipartUploadRequest.Builder create, AtomicInteger requests) {
        long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        int parts = (int) Math.max(1, (size + part - 1) / part);
        return AbandonedUploads.abort(s3, bucket, key, requests).thenCompose(cleaned -> {
            requests.incrementAndGet();
            return s3.createMultipartUpload(create.bucket(bucket).key(key).build());
        }).thenCompose(created -> {
            String uploadId = created.uploadId();
            AbandonedUploads.running(uploadId);
            CompletableFuture<List<CompletedPart>> copied = Parallel.run(parts, partsInFlight, i -> {
                long first = i * part;
                long last = Math.min(size, first + part) - 1;
                requests.incrementAndGet();
                return s3.uploadPartCopy(b -> b.sourceBucket(source.bucket()).sourceKey(source.key())
                                .copySourceIfMatch(sourceEtag == null ? null : "\"" + sourceEtag + "\"")
                                .copySourceRange("bytes=" + first + "-" + last)
                                .destinationBucket(bucket).destinationKey(key)
                                .uploadId(uploadId).partNumber(i + 1))
                        .thenApply(r -> CompletedPart.builder().partNumber(i + 1)
                                .eTag(r.copyPartResult().eTag()).build());
            });
            return copied.thenCompose(done -> {
                requests.incrementAndGet();
                return s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(done)));
            }).handle((completed, error) -> {
                if (error == null) {
                    return CompletableFuture.completedFuture(ETags.unquote(completed.eTag()));
                }
                return abort(s3, bucket, key, uploadId, requests).<String>thenCompose(
                        ignored -> CompletableFuture.failedFuture(error));
            }).thenCompose(f -> f).whenComplete((etag, error) -> AbandonedUploads.finished(uploadId));
        });
    }

    static CompletableFuture<Void> abort(S3AsyncClient s3, String bucket, String key, String uploadId,
                                         AtomicInteger requests) {
        requests.incrementAndGet();
        return s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId))
                .handle((r, e) -> {
                    if (e != null) {
                        LOGGER.error("could not abort multipart upload bucket={} key={} uploadId={} error={}",
                                bucket, key, uploadId, e.toString());
                    } else {
                        LOGGER.info("multipart upload aborted bucket={} key={} uploadId={}", bucket, key, uploadId);
                    }
                    return null;
                });
    }

    /** The user metadata a copy writes: the source's, or the configured replacement, plus the source's ETag. */
    static Map<String, String> withSourceEtag(Map<String, String> metadata, String sourceEtag) {
        if (sourceEtag == null) {
            return metadata;
        }
        Map<String, String> m = new java.util.HashMap<>(metadata);
        m.put(ObjectMetadata.SOURCE_ETAG, sourceEtag);
        return m;
    }
}
