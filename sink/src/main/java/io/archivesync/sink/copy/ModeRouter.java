package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.OperationMode;
import io.archivesync.core.s3.S3Location;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides per object how it gets across, from the operation mode (the request's, else {@code sink.mode}) and the
 * source, and falls back to streaming when the storage refuses a server-side copy. The rules are the decision table
 * in docs/copy-modes.md; every result's {@code methodReason} names the mode and the rule that applied.
 */
public final class ModeRouter implements Copier {

    private static final Logger LOGGER = LoggerFactory.getLogger(ModeRouter.class);

    private final OperationMode defaultMode;
    private final boolean sourcesOnOtherEndpoint;
    private final Copier serverSide;
    private final Copier streaming;

    /**
     * @param defaultMode            {@code sink.mode}
     * @param sourcesOnOtherEndpoint whether S3 sources live on another endpoint than the destination
     * @param serverSide             the server-side strategy (with its retries)
     * @param streaming              the streaming strategy (with its retries)
     */
    public ModeRouter(OperationMode defaultMode, boolean sourcesOnOtherEndpoint, Copier serverSide,
                      Copier streaming) {
        this.defaultMode = defaultMode;
        this.sourcesOnOtherEndpoint = sourcesOnOtherEndpoint;
        this.serverSide = serverSide;
        this.streaming = streaming;
    }

    @Override
    public CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        long started = System.nanoTime();
        OperationMode mode;
        try {
            mode = request.getMode() == null || request.getMode().isBlank() ? defaultMode
                    : OperationMode.valueOf(request.getMode().strip());
        } catch (IllegalArgumentException e) {
            return done(Results.failed(request, batchId, started, CopyOutcome.FAILED_INVALID, "UnknownMode",
                    "unknown mode '" + request.getMode() + "' (known: AUTO, DIRECT, HYBRID, TRADITIONAL)", 0));
        }
        String uri = request.getSource().getUri();
        boolean s3 = S3Location.isS3(uri);
        if (!s3 && !S3Location.isHttp(uri)) {
            return done(Results.failed(request, batchId, started, CopyOutcome.FAILED_INVALID, "UnsupportedSource",
                    "source " + uri + " is neither s3:// nor http(s)://", 0));
        }
        String m = "mode=" + mode + ": ";
        if (mode == OperationMode.TRADITIONAL) {
            return run(streaming, request, batchId, m + "TRADITIONAL always streams");
        }
        if (!s3 || sourcesOnOtherEndpoint) {
            String why = !s3 ? "an HTTP(S) source cannot be copied server-side"
                    : "the source endpoint (sink.sourceEndpoint) is not the destination's, they cannot copy "
                    + "between each other";
            if (mode == OperationMode.DIRECT) {
                return done(Results.failed(request, batchId, started, CopyOutcome.FAILED_OTHER,
                        "ServerSideImpossible", m + why + ", and DIRECT never streams", 0));
            }
            return run(streaming, request, batchId, m + why);
        }
        return serverSide.copy(request, batchId).thenCompose(result -> {
            if (mode == OperationMode.DIRECT || !refused(mode, result)) {
                return done(withReason(result, m + "S3 source on the destination's endpoint"));
            }
            String why = "server-side refused (" + result.getErrorClass() + ": " + result.getErrorMessage() + ")";
            LOGGER.info("falling back to streaming mode={} source={} destination={}/{} cause={}", mode, uri,
                    request.getDestination().getBucket(), request.getDestination().getKey(), result.getErrorClass());
            return streaming.copy(request, batchId).thenApply(streamed -> CopyResult.newBuilder(withReason(streamed,
                            m + why + "; fell back to streaming"))
                    .setStorageRequests(streamed.getStorageRequests() + result.getStorageRequests())
                    .setAttempts(streamed.getAttempts() + result.getAttempts())
                    .setDurationMillis((System.nanoTime() - started) / 1_000_000)
                    .build());
        });
    }

    /**
     * AUTO falls back when access is refused (the source denies the destination's credentials, or the accounts
     * cannot see each other). HYBRID also falls back on anything else the storage could not do server-side, except
     * what streaming cannot fix either: a missing source, a changed source, an invalid request, a bad checksum.
     */
    static boolean refused(OperationMode mode, CopyResult result) {
        if (Results.good(result)) {
            return false;
        }
        if (result.getOutcome() == CopyOutcome.FAILED_ACCESS) {
            return true;
        }
        return mode == OperationMode.HYBRID && result.getOutcome() == CopyOutcome.FAILED_OTHER
                && !"PreconditionFailed".equals(result.getErrorClass());
    }

    private static CompletableFuture<CopyResult> run(Copier copier, FileSyncRequest request, String batchId,
                                                     String reason) {
        return copier.copy(request, batchId).thenApply(r -> withReason(r, reason));
    }

    private static CopyResult withReason(CopyResult result, String prefix) {
        return CopyResult.newBuilder(result).setMethodReason(prefix + "; " + result.getMethodReason()).build();
    }

    private static CompletableFuture<CopyResult> done(CopyResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
