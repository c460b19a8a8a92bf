package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.s3.S3Location;
import io.archivesync.core.topic.RequestAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Propagates a source's removal (a request marked {@code archive-sync.action=delete}, which the SQS bridge makes from
 * ObjectRemoved events when {@code bridge.propagateDeletes} is on) by deleting the destination. Notifications can
 * arrive out of order, so it first checks that the source is really gone: if it exists again, the request is handled
 * as an ordinary copy instead. Every other request passes straight through.
 */
public final class DeletingCopier implements Copier {

    private static final Logger LOGGER = LoggerFactory.getLogger(DeletingCopier.class);

    private final Copier inner;
    private final S3AsyncClient destination;
    private final BiFunction<String, Boolean, S3AsyncClient> sources;

    public DeletingCopier(Copier inner, S3AsyncClient destination, BiFunction<String, Boolean, S3AsyncClient> sources) {
        this.inner = inner;
        this.destination = destination;
        this.sources = sources;
    }

    @Override
    public CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        if (!RequestAttributes.ACTION_DELETE.equals(request.getAttributes().get(RequestAttributes.ACTION))) {
            return inner.copy(request, batchId);
        }
        long started = System.nanoTime();
        String uri = request.getSource().getUri();
        if (!S3Location.isS3(uri)) {
            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                    CopyOutcome.FAILED_INVALID, "UnsupportedDelete", "a delete needs an s3:// source, not " + uri, 0));
        }
        S3Location source = S3Location.parse(uri);
        try {
            return sources.apply(request.getSource().getRegion(), request.getSource().getAnonymous())
                    .headObject(b -> b.bucket(source.bucket()).key(source.key()))
                    .handle((head, error) -> error)
                    .thenCompose(error -> {
                        if (error == null) {
                            LOGGER.info("source exists again, copying instead of deleting source={}", uri);
                            return inner.copy(request, batchId).thenApply(r -> Results.plus(r, 1, started));
                        }
                        StorageErrors.Classified c = StorageErrors.classify(error, "check of " + uri);
                        if (c.outcome() != CopyOutcome.FAILED_NOT_FOUND) {
                            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                                    c.outcome(), c.errorClass(), "delete not propagated: " + c.message(), 1));
                        }
                        return deleteDestination(request, batchId, started);
                    })
                    .exceptionally(e -> {
                        StorageErrors.Classified c = StorageErrors.classify(e, "delete of " + uri);
                        return Results.failed(request, batchId, started, c.outcome(), c.errorClass(), c.message(), 2);
                    });
        } catch (RuntimeException e) {
            StorageErrors.Classified c = StorageErrors.classify(e, "delete of " + uri);
            return CompletableFuture.completedFuture(
                    Results.failed(request, batchId, started, c.outcome(), c.errorClass(), c.message(), 0));
        }
    }

    private CompletableFuture<CopyResult> deleteDestination(FileSyncRequest request, String batchId, long started) {
        String bucket = request.getDestination().getBucket();
        String key = request.getDestination().getKey();
        return destination.deleteObject(b -> b.bucket(bucket).key(key))
                .thenApply(ignored -> Results.base(request, batchId, started)
                        .setOutcome(CopyOutcome.DELETED)
                        .setMethod(CopyMethod.NONE)
                        .setMethodReason("the source was removed (ObjectRemoved) and is gone: deleted s3://" + bucket
                                + "/" + key)
                        .setStorageRequests(2)
                        .build());
    }
}
