package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.OperationMode;
import io.archivesync.core.log.LogSafe;
import io.archivesync.core.mode.CopyModes;
import io.archivesync.core.s3.S3Location;
import io.archivesync.schemas.key.RecordKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides per object how it gets across, from the operation mode (the request's, else {@code sink.mode}) and the
 * source, by the same rule ({@link CopyModes#plan}) the processor routed the batch with, and falls back to streaming
 * when the storage refuses a server-side copy. The rules are the decision table in docs/copy-modes.md; every result's
 * {@code methodReason} names the mode and the rule that applied.
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
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        Optional<OperationMode> parsed = CopyModes.parse(request.getMode(), defaultMode);
        if (parsed.isEmpty()) {
            return done(Results.invalid(request, task.batchId(), started, "UnknownMode",
                    "unknown mode '" + request.getMode() + "' (known: " + CopyModes.KNOWN + ")"));
        }
        OperationMode mode = parsed.get();
        String uri = request.getSource().getUri();
        if (!S3Location.isS3(uri) && !S3Location.isHttp(uri)) {
            return done(Results.invalid(request, task.batchId(), started, "UnsupportedSource",
                    "source " + uri + " is neither s3:// nor http(s)://"));
        }
        String m = "mode=" + mode + ": ";
        CopyModes.Plan plan = CopyModes.plan(mode, uri, sourcesOnOtherEndpoint);
        if (!plan.serverSide()) {
            if (mode == OperationMode.DIRECT) {
                return done(Results.failed(request, task.batchId(), started, CopyOutcome.FAILED_OTHER,
                        ErrorKind.FINAL, "ServerSideImpossible", m + plan.reason() + ", and DIRECT never streams",
                        0));
            }
            return run(streaming, task, m + plan.reason());
        }
        return serverSide.copy(task).thenCompose(result -> {
            if (mode == OperationMode.DIRECT || !refused(mode, result)) {
                return done(withReason(result, m + "S3 source on the destination's endpoint"));
            }
            String why = "server-side refused (" + result.getErrorClass() + ": " + result.getErrorMessage() + ")";
            LOGGER.info("falling back to streaming mode={} source={} destination={} cause={}", mode,
                    LogSafe.escape(uri), LogSafe.escape(RecordKey.of(request)),
                    result.getErrorClass());
            return streaming.copy(task).thenApply(streamed -> CopyResult.newBuilder(withReason(streamed,
                            m + why + "; fell back to streaming"))
                    .setStorageRequests(streamed.getStorageRequests() + result.getStorageRequests())
                    .setAttempts(streamed.getAttempts() + result.getAttempts())
                    .setDurationMillis((System.nanoTime() - started) / 1_000_000)
                    .setFellBack(true)
                    .build());
        });
    }

    /**
     * AUTO falls back when access is refused (the source denies the destination's credentials, or the accounts
     * cannot see each other). HYBRID also falls back on anything else the storage could not do server-side, except
     * what streaming cannot fix either: a missing source, a changed source, an invalid request, a bad checksum.
     */
    static boolean refused(OperationMode mode, CopyResult result) {
        if (Results.good(result) || result.getErrorKind() == null) {
            return false;
        }
        ErrorKind kind = result.getErrorKind();
        if (kind == ErrorKind.ACCESS) {
            return true;
        }
        return mode == OperationMode.HYBRID && (kind == ErrorKind.FINAL || kind == ErrorKind.TRANSIENT
                || kind == ErrorKind.THROTTLED);
    }

    private static CompletableFuture<CopyResult> run(Copier copier, CopyTask task, String reason) {
        return copier.copy(task).thenApply(r -> withReason(r, reason));
    }

    private static CopyResult withReason(CopyResult result, String prefix) {
        return CopyResult.newBuilder(result).setMethodReason(prefix + "; " + result.getMethodReason()).build();
    }

    private static CompletableFuture<CopyResult> done(CopyResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
