package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import java.util.concurrent.CompletableFuture;

/** Holding a layer to the {@link Copier} contract, whatever the layer below does. */
public final class Copiers {

    private Copiers() {
    }

    /**
     * Runs one copy so that nothing escapes: an exception thrown by the copier, a future failed or completed with
     * null all become a failed result that names the exception class. A bug in one copy then fails that copy, never
     * the thread or the batch around it.
     */
    public static CompletableFuture<CopyResult> guarded(Copier copier, CopyTask task) {
        long started = System.nanoTime();
        CompletableFuture<CopyResult> copy;
        try {
            copy = copier.copy(task);
        } catch (RuntimeException e) {
            copy = CompletableFuture.failedFuture(e);
        }
        if (copy == null) {
            copy = CompletableFuture.failedFuture(new IllegalStateException("the copier returned no future"));
        }
        return copy.handle((result, error) -> {
            if (error == null && result != null) {
                return result;
            }
            Throwable cause = error == null ? new IllegalStateException("the copier completed with no result")
                    : StorageErrors.unwrap(error);
            StorageErrors.Classified c = StorageErrors.classify(cause, "copy of " + task.request().getSource().getUri());
            if (c.kind() != ErrorKind.FINAL) {
                return Results.failed(task.request(), task.batchId(), started, c, 0);
            }
            return Results.failed(task.request(), task.batchId(), started, CopyOutcome.FAILED_OTHER, ErrorKind.FINAL,
                    cause.getClass().getName(), "copier failed: " + cause, 0);
        });
    }
}
