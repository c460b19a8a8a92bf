package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.log.LogSafe;
import io.archivesync.core.s3.S3Location;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Propagates a source's removal by deleting the destination. Notifications can arrive out of order, so it first
 * checks that the source is really gone: if it exists again, the request is handled as an ordinary copy instead.
 * Failures are classified like copies' so that transient ones are retried by the {@link RetryingCopier} around it.
 */
final class PropagatedDelete implements Copier {

    private static final Logger LOGGER = LoggerFactory.getLogger(PropagatedDelete.class);

    private final Copier copies;
    private final S3AsyncClient destination;
    private final BiFunction<String, Boolean, S3AsyncClient> sources;

    /** @param copies the copy chain, for a source that exists again */
    PropagatedDelete(Copier copies, S3AsyncClient destination, BiFunction<String, Boolean, S3AsyncClient> sources) {
        this.copies = copies;
        this.destination = destination;
        this.sources = sources;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        String uri = request.getSource().getUri();
        if (!S3Location.isS3(uri)) {
            return CompletableFuture.completedFuture(Results.invalid(request, task.batchId(), started,
                    "UnsupportedDelete", "a delete needs an s3:// source, not " + uri));
        }
        S3Location source = S3Location.parse(uri);
        return sources.apply(request.getSource().getRegion(), request.getSource().getAnonymous())
                .headObject(b -> b.bucket(source.bucket()).key(source.key()))
                .handle((head, error) -> error)
                .thenCompose(error -> {
                    if (error == null) {
                        LOGGER.info("source exists again, copying instead of deleting source={}", LogSafe.escape(uri));
                        return copies.copy(task).thenApply(r -> Results.plus(r, 1, started));
                    }
                    StorageErrors.Classified c = StorageErrors.classify(error, "check of " + uri);
                    if (c.kind() != ErrorKind.NOT_FOUND) {
                        return CompletableFuture.completedFuture(Results.failed(request, task.batchId(), started,
                                c.outcome(), c.kind(), c.errorClass(), "delete not propagated: " + c.message(), 1));
                    }
                    return deleteDestination(task, started);
                })
                .exceptionally(e -> Results.failed(request, task.batchId(), started,
                        StorageErrors.classify(e, "delete of " + uri), 2));
    }

    private CompletableFuture<CopyResult> deleteDestination(CopyTask task, long started) {
        String bucket = task.request().getDestination().getBucket();
        String key = task.request().getDestination().getKey();
        return destination.deleteObject(b -> b.bucket(bucket).key(key))
                .thenApply(ignored -> Results.base(task.request(), task.batchId(), started)
                        .setOutcome(CopyOutcome.DELETED)
                        .setMethod(CopyMethod.NONE)
                        .setMethodReason("the source was removed (ObjectRemoved) and is gone: deleted s3://" + bucket
                                + "/" + key)
                        .setStorageRequests(2)
                        .build());
    }
}
