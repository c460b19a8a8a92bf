package io.archivesync.sink.copy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Takes a bad copy out of the mirror: moved under {@code sink.verify.quarantinePrefix} of the same bucket (kept for
 * inspection, by a server-side copy of any size), or deleted when no prefix is set. Either way nothing reads it as
 * good afterwards. A bad copy is only ever one this copier just wrote (a replacement is staged under another key
 * first), so no good object is removed here.
 */
final class Quarantine {

    private final S3AsyncClient s3;
    private final InBucketCopy copies;
    private final String prefix;

    Quarantine(S3AsyncClient s3, InBucketCopy copies, String prefix) {
        this.s3 = s3;
        this.copies = copies;
        this.prefix = prefix;
    }

    /**
     * @param size the bad copy's size, or negative when unknown
     * @return a sentence saying where the bad copy went
     */
    CompletableFuture<String> remove(String bucket, String key, long size, AtomicInteger requests) {
        CompletableFuture<String> moved;
        if (prefix == null) {
            moved = CompletableFuture.completedFuture("the bad copy was deleted");
        } else {
            String target = prefix + key;
            moved = copies.copy(bucket, key, target, size, requests)
                    .thenApply(r -> "the bad copy was moved to " + bucket + "/" + target);
        }
        return moved.thenCompose(where -> {
            requests.incrementAndGet();
            return s3.deleteObject(b -> b.bucket(bucket).key(key)).thenApply(r -> where);
        });
    }
}
