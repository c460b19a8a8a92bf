package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.log.LogSafe;
import io.archivesync.schemas.key.RecordKey;
import io.archivesync.sink.copy.CopyTask.DestinationState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A good mirror is never destroyed: when the destination already holds an object and the copy will be checked, the
 * copy goes to a staging key first, is verified there, and only a good one is put in place by a server-side copy (no
 * byte through the copier), after which the staging object is deleted. A copy that fails its check, or cannot be
 * checked, is removed from staging and the earlier object stays. When nothing says whether the destination exists,
 * one HEAD finds out. A conditional copy that finds the source unchanged writes nothing at all.
 */
final class StagingCopier implements Copier {

    /** Where staged copies live, in the destination bucket, for the seconds between copy and put-in-place. */
    static final String STAGING_PREFIX = ".archive-sync-staging/";

    private static final Logger LOGGER = LoggerFactory.getLogger(StagingCopier.class);

    private final Copier inner;
    private final S3AsyncClient s3;
    private final InBucketCopy copies;

    StagingCopier(Copier inner, S3AsyncClient s3, InBucketCopy copies) {
        this.inner = inner;
        this.s3 = s3;
        this.copies = copies;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        if (DeletingCopier.isDelete(task) || !VerifyingCopier.willVerify(task.request())
                || task.destination() == DestinationState.ABSENT) {
            return inner.copy(task);
        }
        if (task.destination() == DestinationState.PRESENT) {
            return staged(task, 0);
        }
        FileSyncRequest request = task.request();
        return s3.headObject(b -> b.bucket(request.getDestination().getBucket()).key(request.getDestination().getKey()))
                .handle((head, error) -> error == null
                        || StorageErrors.classify(error, "HEAD").kind() != ErrorKind.NOT_FOUND)
                .thenCompose(present -> present ? staged(task, 1)
                        : inner.copy(task.withDestination(DestinationState.ABSENT))
                        .thenApply(r -> Results.plus(r, 1, System.nanoTime())));
    }

    private CompletableFuture<CopyResult> staged(CopyTask task, int requestsBefore) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        Destination target = request.getDestination();
        String stagingKey = stagingKey(request);
        FileSyncRequest toStaging = FileSyncRequest.newBuilder(request)
                .setDestination(Destination.newBuilder(target).setKey(stagingKey).build())
                .build();
        return inner.copy(task.withRequest(toStaging).withDestination(DestinationState.ABSENT))
                .thenCompose(r -> {
                    AtomicInteger requests = new AtomicInteger(requestsBefore);
                    CompletableFuture<CopyResult> settled;
                    if (r.getOutcome() == CopyOutcome.COPIED) {
                        settled = putInPlace(r, target, stagingKey, requests);
                    } else if (r.getOutcome() == CopyOutcome.COPIED_UNVERIFIED) {
                        settled = discard(target.getBucket(), stagingKey, requests).thenApply(v ->
                                CopyResult.newBuilder(r)
                                        .setOutcome(CopyOutcome.FAILED_CHECKSUM)
                                        .setErrorMessage(r.getErrorMessage() + "; an unverified copy never replaces "
                                                + "the object already at " + RecordKey.of(target) + ", which stays")
                                        .build());
                    } else {
                        settled = CompletableFuture.completedFuture(r.getOutcome() == CopyOutcome.FAILED_CHECKSUM
                                ? CopyResult.newBuilder(r).setErrorMessage(r.getErrorMessage()
                                + "; the object already at " + RecordKey.of(target) + " stays").build() : r);
                    }
                    return settled.thenApply(s -> CopyResult.newBuilder(Results.plus(s, requests.get(), started))
                            .setDestination(Destination.newBuilder(target).build())
                            .build());
                });
    }

    private CompletableFuture<CopyResult> putInPlace(CopyResult staged, Destination target, String stagingKey,
                                                     AtomicInteger requests) {
        String bucket = target.getBucket();
        return copies.copy(bucket, stagingKey, target.getKey(), staged.getBytes(), requests)
                .thenCompose(sha -> discard(bucket, stagingKey, requests).thenApply(v -> CopyResult.newBuilder(staged)
                        .setMethodReason(staged.getMethodReason() + "; staged and verified, then put in place by a "
                                + "server-side copy over the earlier object")
                        .build()))
                .exceptionally(error -> {
                    StorageErrors.Classified c = StorageErrors.classify(error, "putting the verified copy in place at "
                            + RecordKey.of(target));
                    discard(bucket, stagingKey, requests);
                    return CopyResult.newBuilder(staged)
                            .setOutcome(c.outcome())
                            .setErrorKind(c.kind())
                            .setErrorClass(c.errorClass())
                            .setErrorMessage(c.message() + "; the earlier object stays")
                            .build();
                });
    }

    private CompletableFuture<Void> discard(String bucket, String stagingKey, AtomicInteger requests) {
        requests.incrementAndGet();
        return s3.deleteObject(b -> b.bucket(bucket).key(stagingKey)).handle((r, e) -> {
            if (e != null) {
                LOGGER.warn("could not delete a staged copy bucket={} key={} error={}", bucket,
                        LogSafe.escape(stagingKey), e.toString());
            }
            return null;
        });
    }

    /** A short key per request and destination, so retries of one request reuse it and requests never share one. */
    static String stagingKey(FileSyncRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((request.getRequestId() + "\n"
                    + RecordKey.of(request)).getBytes(StandardCharsets.UTF_8));
            return STAGING_PREFIX + Hex.hex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
