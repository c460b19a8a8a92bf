package io.archivesync.sink.copy;

import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.s3.S3Location;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * Copies an object to another key of the same bucket inside the storage, whatever its size: one CopyObject up to
 * {@code sink.serverSide.multipartThreshold}, above it (and always above CopyObject's 5 GiB) a multipart copy that
 * keeps the object's content type and user metadata. Staged copies are put in place and bad copies quarantined this
 * way, so neither is limited to 5 GiB nor passes a byte through the copier.
 */
final class InBucketCopy {

    private final S3AsyncClient s3;
    private final SinkSettings settings;

    InBucketCopy(S3AsyncClient s3, SinkSettings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    /**
     * @param size     the object's size, or a negative number when unknown (one HEAD finds it)
     * @param requests counts every storage request issued
     * @return the new object's SHA-256 in hex when the storage computed one, else null
     */
    CompletableFuture<String> copy(String bucket, String fromKey, String toKey, long size, AtomicInteger requests) {
        if (size >= 0 && !settings.serverSide().multipart(size)) {
            requests.incrementAndGet();
            return s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket)
                            .destinationKey(toKey).checksumAlgorithm(ChecksumAlgorithm.SHA256)
                            .storageClass(settings.storageClass()))
                    .thenApply(r -> Hex.base64ToHex(r.copyObjectResult().checksumSHA256()));
        }
        requests.incrementAndGet();
        return s3.headObject(b -> b.bucket(bucket).key(fromKey)).thenCompose(head -> {
            if (!settings.serverSide().multipart(head.contentLength())) {
                return copy(bucket, fromKey, toKey, head.contentLength(), requests);
            }
            CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                    .contentType(head.contentType())
                    .metadata(head.metadata())
                    .storageClass(settings.storageClass());
            return MultipartServerSideCopy.run(s3, new S3Location(bucket, fromKey), null, bucket, toKey,
                            head.contentLength(), settings.serverSide().partSize(),
                            settings.serverSide().partsInFlight(), create, requests)
                    .thenApply(etag -> null);
        });
    }
}
