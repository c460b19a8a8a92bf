package io.archivesync.sink.copy;

import io.archivesync.avro.CopyResult;
import io.archivesync.core.topic.RequestAttributes;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a propagated delete (a request marked {@code archive-sync.action=delete}, which the SQS bridge makes from
 * ObjectRemoved events when {@code bridge.propagateDeletes} is on) to the delete strategy, retried like copies, and
 * every other request straight through.
 */
public final class DeletingCopier implements Copier {

    private final Copier inner;
    private final Copier deletes;

    /**
     * @param inner   the copy chain
     * @param deletes the delete strategy, with its retries ({@link PropagatedDelete} under a {@link RetryingCopier})
     */
    public DeletingCopier(Copier inner, Copier deletes) {
        this.inner = inner;
        this.deletes = deletes;
    }

    /** Whether a request asks to remove its destination rather than copy to it. */
    public static boolean isDelete(CopyTask task) {
        return RequestAttributes.ACTION_DELETE.equals(
                task.request().getAttributes().get(RequestAttributes.ACTION));
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        return isDelete(task) ? deletes.copy(task) : inner.copy(task);
    }
}
