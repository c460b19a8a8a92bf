package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.log.LogSafe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost copier: a source the {@link SourcePolicy} refuses is never touched (no HEAD, no GET, no copy) and
 * ends as one {@code FAILED_ACCESS} result, {@code errorClass=SourceNotAllowed}, saying why and which setting allows
 * it. Anyone who can publish a request picks the URL; without this the copier would fetch internal addresses for them.
 * The host of an HTTP(S) source is resolved on the given (blocking) threads, never on the caller's.
 */
final class SourceGuard implements Copier {

    static final String ERROR_CLASS = "SourceNotAllowed";
    private static final Logger LOGGER = LoggerFactory.getLogger(SourceGuard.class);

    private final Copier inner;
    private final SourcePolicy policy;
    private final Executor resolvers;

    SourceGuard(Copier inner, SourcePolicy policy, Executor resolvers) {
        this.inner = inner;
        this.policy = policy;
        this.resolvers = resolvers;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        String uri = request.getSource().getUri();
        String refusal = policy.refusal(uri);
        if (refusal != null) {
            return CompletableFuture.completedFuture(refused(task, started, refusal));
        }
        if (!policy.checksAddresses(uri)) {
            return inner.copy(task);
        }
        return CompletableFuture.supplyAsync(() -> policy.addressRefusal(uri), resolvers)
                .handle((why, error) -> {
                    if (error != null) {
                        return CompletableFuture.completedFuture(Results.failed(request, task.batchId(), started,
                                StorageErrors.classify(error, "could not check source " + uri), 0));
                    }
                    return why == null ? inner.copy(task)
                            : CompletableFuture.completedFuture(refused(task, started, why));
                })
                .thenCompose(f -> f);
    }

    private static CopyResult refused(CopyTask task, long started, String why) {
        FileSyncRequest request = task.request();
        String uri = request.getSource().getUri();
        LOGGER.warn("source refused requestId={} source={} reason={}", LogSafe.escape(request.getRequestId()),
                LogSafe.escape(uri), LogSafe.escape(why));
        return Results.failed(request, task.batchId(), started, CopyOutcome.FAILED_ACCESS, ErrorKind.ACCESS,
                ERROR_CLASS, "source " + uri + " refused, never fetched: " + why, 0);
    }
}
