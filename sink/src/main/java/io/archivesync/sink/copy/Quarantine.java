package io.archivesync.sink.copy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Takes a bad copy out of the mirror: moved under {@code sink.verify.quarantinePrefix} of the same bucket (kept for
 * inspection), or deleted when no prefix is set. Either way nothing reads it as good afterwards.
 */
final class Quarantine {

    private final S3AsyncClient s3;
    private final String prefix;

    Quarantine(S3AsyncClient s3, String prefix) {
        this.s3 = s3;
        this.prefix = prefix;
    }

    /** @return a sentence saying where the bad copy went */
    CompletableFuture<String> remove(String bucket, String key, AtomicInteger requests) {
        CompletableFuture<String> moved;
        if (prefix == null) {
            moved = CompletableFuture.completedFuture("the bad copy was deleted");
        } else {
            String target = prefix + key;
            requests.incrementAndGet();
            moved = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                    .destinationKey(target)).thenApply(r -> "the bad copy was moved to " + bucket + "/" + target);
        }
        return moved.thenCompose(where -> {
            requests.incrementAndGet();
            return s3.deleteObject(b -> b.bucket(bucket).key(key)).thenApply(r -> where);
        });
    }
}
