package io.archivesync.sink.copy.blob;

import io.archivesync.avro.CopyResult;
import io.archivesync.sink.copy.Copier;
import io.archivesync.sink.copy.CopyTask;
import java.util.concurrent.CompletableFuture;

/** Sends requests between other providers than S3 to S3 to the storage-interface copier, the rest to the S3 one. */
public final class BlobRouter implements Copier {

    private final Copier blob;
    private final Copier s3;

    public BlobRouter(Copier blob, Copier s3) {
        this.blob = blob;
        this.s3 = s3;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        return Endpoints.crossProvider(task.request()) ? blob.copy(task) : s3.copy(task);
    }
}
