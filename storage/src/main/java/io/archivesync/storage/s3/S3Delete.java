package io.archivesync.storage.s3;

import io.archivesync.core.s3.ETags;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Precondition;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * DeleteObject, with {@code If-Match} when a version is required (S3 checks it). Deleting what is not there succeeds,
 * also under a version precondition: the object the decision saw is gone either way. S3 has no
 * {@code If-None-Match} on deletes, so "must be absent" is a HEAD: it holds when there is nothing to delete.
 */
final class S3Delete {

    private S3Delete() {
    }

    static CompletableFuture<Void> delete(S3AsyncClient s3, BlobRef ref, Precondition precondition) {
        try {
            if (precondition.absent()) {
                return s3.headObject(b -> b.bucket(ref.container()).key(ref.key())).handle((head, e) -> {
                    if (e != null && !(S3Errors.unwrap(e) instanceof NoSuchKeyException)) {
                        throw S3Errors.classify(e, "HeadObject " + ref);
                    }
                    S3Requests.check(ref, precondition, e == null ? ETags.unquote(head.eTag()) : null);
                    return null;
                });
            }
            return s3.deleteObject(b -> b.bucket(ref.container()).key(ref.key())
                            .ifMatch(S3Requests.ifMatch(precondition)))
                    .handle((r, e) -> {
                        if (e != null && !(S3Errors.unwrap(e) instanceof NoSuchKeyException)) {
                            throw S3Errors.classify(e, "DeleteObject " + ref);
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(S3Errors.classify(e, "DeleteObject " + ref));
        }
    }
}
