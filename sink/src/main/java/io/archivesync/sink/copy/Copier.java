package io.archivesync.sink.copy;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Gets one object across. Implementations never throw and never fail the future: every failure, expected or not,
 * completes it with a failed {@link CopyResult} that says why.
 */
public interface Copier {

    CompletableFuture<CopyResult> copy(CopyTask task);

    /** A request with nothing known beyond itself. */
    default CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        return copy(CopyTask.of(request, batchId));
    }
}
