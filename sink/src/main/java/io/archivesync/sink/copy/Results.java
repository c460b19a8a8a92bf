package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Verification;
import java.time.Instant;

/** Builds results so every copier fills the same fields the same way. */
public final class Results {

    private Results() {
    }

    public static CopyResult.Builder base(FileSyncRequest request, String batchId, long startedNanos) {
        return CopyResult.newBuilder()
                .setRequestId(request.getRequestId())
                .setBatchId(batchId)
                .setSourceUri(request.getSource().getUri())
                .setDestination(Destination.newBuilder(request.getDestination()).build())
                .setArchive(request.getArchive())
                .setSourceEtag(request.getExpectedEtag())
                .setSourceSize(request.getExpectedSize())
                .setBytes(0)
                .setBytesThroughCopier(0)
                .setStorageRequests(0)
                .setAttempts(1)
                .setDurationMillis((System.nanoTime() - startedNanos) / 1_000_000)
                .setCompletedAt(Instant.now());
    }

    public static CopyResult failed(FileSyncRequest request, String batchId, long startedNanos, CopyOutcome outcome,
                                    ErrorKind kind, String errorClass, String message, int storageRequests) {
        return base(request, batchId, startedNanos)
                .setOutcome(outcome)
                .setMethod(CopyMethod.NONE)
                .setMethodReason("not copied: " + errorClass)
                .setStorageRequests(storageRequests)
                .setErrorKind(kind)
                .setErrorClass(errorClass)
                .setErrorMessage(message)
                .build();
    }

    /** A failure as {@link StorageErrors} classified it. */
    public static CopyResult failed(FileSyncRequest request, String batchId, long startedNanos,
                                    StorageErrors.Classified c, int storageRequests) {
        return failed(request, batchId, startedNanos, c.outcome(), c.kind(), c.errorClass(), c.message(),
                storageRequests);
    }

    /** A failure of the request itself, which no retry can fix. */
    public static CopyResult invalid(FileSyncRequest request, String batchId, long startedNanos, String errorClass,
                                     String message) {
        return failed(request, batchId, startedNanos, CopyOutcome.FAILED_INVALID, ErrorKind.INVALID, errorClass,
                message, 0);
    }

    /** Whether the failure may go away by itself, so the copy is worth another attempt. */
    public static boolean retriable(CopyResult result) {
        return !good(result) && result.getErrorKind() != null && StorageErrors.isRetriable(result.getErrorKind());
    }

    /** Whether the storage asked us to slow down. */
    public static boolean throttled(CopyResult result) {
        return !good(result) && result.getErrorKind() == ErrorKind.THROTTLED;
    }

    /**
     * The same result with requests and attempts added by an outer layer (a HEAD, a sidecar read, a retry), and the
     * duration measured from that layer's start, so the outermost layer reports the whole copy.
     */
    public static CopyResult plus(CopyResult result, int moreRequests, long startedNanos) {
        return CopyResult.newBuilder(result)
                .setStorageRequests(result.getStorageRequests() + moreRequests)
                .setDurationMillis(Math.max(result.getDurationMillis(), (System.nanoTime() - startedNanos) / 1_000_000))
                .setCompletedAt(Instant.now())
                .build();
    }

    /** Whether the destination holds a good copy after this result. */
    public static boolean good(CopyResult result) {
        return result.getOutcome() == CopyOutcome.COPIED || result.getOutcome() == CopyOutcome.SKIPPED_CURRENT;
    }

    public static Verification verification(io.archivesync.avro.VerificationMethod method, boolean ok,
                                            String expected, String actual) {
        return Verification.newBuilder().setMethod(method).setVerified(ok).setExpected(expected).setActual(actual)
                .build();
    }
}
