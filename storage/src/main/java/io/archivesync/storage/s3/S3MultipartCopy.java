package io.archivesync.storage.s3;

import io.archivesync.core.s3.ETags;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.WriteOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A server-side copy in parts, for objects above CopyObject's 5 GiB: CreateMultipartUpload, UploadPartCopy of each
 * byte range (a few at once, each conditional on the source's version), CompleteMultipartUpload with the
 * destination's precondition. A failure aborts the upload, so no parts are left behind (and billed).
 */
final class S3MultipartCopy {

    private static final Logger LOGGER = LoggerFactory.getLogger(S3MultipartCopy.class);
    /** S3 allows at most this many parts; parts grow when an object would need more. */
    private static final int MAX_PARTS = 10_000;

    private final S3AsyncClient s3;
    private final long partBytes;
    private final int partsInFlight;

    S3MultipartCopy(S3AsyncClient s3, long partBytes, int partsInFlight) {
        this.s3 = s3;
        this.partBytes = partBytes;
        this.partsInFlight = partsInFlight;
    }

    CompletableFuture<BlobInfo> copy(BlobRef source, BlobInfo from, BlobRef destination, WriteOptions options,
                                     String contentType, Map<String, String> metadata) {
        long size = from.size();
        long part = Math.max(partBytes, (size + MAX_PARTS - 1) / MAX_PARTS);
        int parts = (int) Math.max(1, (size + part - 1) / part);
        return s3.createMultipartUpload(b -> b.bucket(destination.container()).key(destination.key())
                        .contentType(contentType).metadata(metadata).storageClass(options.storageClass()))
                .thenCompose(created -> {
                    String uploadId = created.uploadId();
                    ConcurrentLinkedQueue<CompletedPart> done = new ConcurrentLinkedQueue<>();
                    List<CompletableFuture<Void>> lanes = new ArrayList<>();
                    for (int lane = 0; lane < Math.min(partsInFlight, parts); lane++) {
                        lanes.add(lane(source, from.version(), destination, uploadId, lane, parts, part, size, done));
                    }
                    return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
                            .thenCompose(ignored -> s3.completeMultipartUpload(b -> b.bucket(destination.container())
                                    .key(destination.key()).uploadId(uploadId)
                                    .multipartUpload(m -> m.parts(done.stream()
                                            .sorted(Comparator.comparing(CompletedPart::partNumber)).toList()))
                                    .ifMatch(S3Requests.ifMatch(options.precondition()))
                                    .ifNoneMatch(S3Requests.ifNoneMatch(options.precondition()))))
                            .handle((completed, error) -> {
                                if (error == null) {
                                    return CompletableFuture.completedFuture(new BlobInfo(destination, size,
                                            ETags.unquote(completed.eTag()),
                                            new Checksums(null, null, from.checksums().sha256()), contentType,
                                            metadata, null, options.storageClass()));
                                }
                                return abort(destination, uploadId).<BlobInfo>thenCompose(
                                        aborted -> CompletableFuture.failedFuture(error));
                            })
                            .thenCompose(f -> f);
                });
    }

    /** Copies parts {@code lane}, {@code lane + partsInFlight}, ... one after another. */
    private CompletableFuture<Void> lane(BlobRef source, String version, BlobRef destination, String uploadId,
                                         int index, int parts, long part, long size,
                                         ConcurrentLinkedQueue<CompletedPart> done) {
        if (index >= parts) {
            return CompletableFuture.completedFuture(null);
        }
        long first = index * part;
        long last = Math.min(size, first + part) - 1;
        return s3.uploadPartCopy(b -> b.sourceBucket(source.container()).sourceKey(source.key())
                        .copySourceIfMatch(ETags.quote(version)).copySourceRange("bytes=" + first + "-" + last)
                        .destinationBucket(destination.container()).destinationKey(destination.key())
                        .uploadId(uploadId).partNumber(index + 1))
                .thenCompose(r -> {
                    done.add(CompletedPart.builder().partNumber(index + 1).eTag(r.copyPartResult().eTag()).build());
                    return lane(source, version, destination, uploadId, index + partsInFlight, parts, part, size,
                            done);
                });
    }

    private CompletableFuture<Void> abort(BlobRef destination, String uploadId) {
        return s3.abortMultipartUpload(b -> b.bucket(destination.container()).key(destination.key())
                        .uploadId(uploadId))
                .handle((r, e) -> {
                    if (e != null) {
                        LOGGER.error("could not abort multipart copy ref={} uploadId={} error={}", destination,
                                uploadId, e.toString());
                    } else {
                        LOGGER.info("multipart copy aborted ref={} uploadId={}", destination, uploadId);
                    }
                    return null;
                });
    }
}
