package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
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
    public CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        long started = System.nanoTime();
        String uri = request.getSource().getUri();
        String refusal = policy.refusal(uri);
        if (refusal != null) {
            return CompletableFuture.completedFuture(refused(request, batchId, started, refusal));
        }
        if (!policy.checksAddresses(uri)) {
            return inner.copy(request, batchId);
        }
        try {
            return CompletableFuture.supplyAsync(() -> policy.addressRefusal(uri), resolvers)
                    .thenCompose(why -> why == null ? inner.copy(request, batchId)
                            : CompletableFuture.completedFuture(refused(request, batchId, started, why)))
                    .exceptionally(e -> Results.failed(request, batchId, started, CopyOutcome.FAILED_OTHER,
                            e.getClass().getSimpleName(), "could not check source " + uri + ": " + e, 0));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                    CopyOutcome.FAILED_OTHER, e.getClass().getSimpleName(), "could not check source " + uri + ": " + e,
                    0));
        }
    }

    private static CopyResult refused(FileSyncRequest request, String batchId, long started, String why) {
        String uri = request.getSource().getUri();
        LOGGER.warn("source refused requestId={} source={} reason={}", request.getRequestId(), uri, why);
        return Results.failed(request, batchId, started, CopyOutcome.FAILED_ACCESS, ERROR_CLASS,
                "source " + uri + " refused, never fetched: " + why, 0);
    }
}
