package io.archivesync.benchmarks;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.s3.S3Clients;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * The objects a whole-command benchmark copies: {@code small} objects of {@code smallKib} KiB and {@code large} of
 * {@code largeMib} MiB (the workload A is 2,000 x 64 KiB + 8 x 64 MiB), random bytes, under one bucket.
 */
record CopyWorkload(int small, int smallKib, int large, int largeMib) {

    int objects() {
        return small + large;
    }

    @Override
    public String toString() {
        return small + " x " + smallKib + " KiB" + (large == 0 ? "" : " + " + large + " x " + largeMib + " MiB");
    }

    /** Creates {@code bucket} and puts the objects, 32 at a time. */
    void populate(S3Client sync, AppConfig config, String bucket) {
        sync.createBucket(b -> b.bucket(bucket));
        try (S3AsyncClient s3 = S3Clients.async(config.s3(), null, false)) {
            Semaphore inFlight = new Semaphore(32);
            List<CompletableFuture<?>> puts = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < objects(); i++) {
                byte[] bytes = new byte[i < small ? smallKib << 10 : largeMib << 20];
                random.nextBytes(bytes);
                String key = (i < small ? "data/small/" : "data/large/") + i + ".zip";
                inFlight.acquireUninterruptibly();
                puts.add(s3.putObject(b -> b.bucket(bucket).key(key), AsyncRequestBody.fromBytes(bytes))
                        .whenComplete((x, e) -> inFlight.release()));
            }
            puts.forEach(CompletableFuture::join);
        }
    }

    /** How many objects {@code bucket} holds. */
    static int count(S3Client sync, String bucket) {
        return sync.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().mapToInt(o -> 1).sum();
    }

    /** Deletes every object of {@code bucket} and the bucket: the in-memory store has a capacity. */
    static void delete(S3Client sync, String bucket) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        sync.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach(o -> ids.add(ObjectIdentifier.builder().key(o.key()).build()));
        for (int i = 0; i < ids.size(); i += 1000) {
            List<ObjectIdentifier> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            sync.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(chunk)));
        }
        sync.deleteBucket(b -> b.bucket(bucket));
    }
}
