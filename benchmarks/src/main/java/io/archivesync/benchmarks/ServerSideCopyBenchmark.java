package io.archivesync.benchmarks;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.sink.copy.CopierFactory;
import io.archivesync.sink.copy.StorageClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * Server-side copies: the sink's copier (the same stack CopierService runs: incremental check, mode routing,
 * retries, adaptive limit) against a plain SDK CopyObject loop at the same concurrency and {@code rclone copy}, on
 * one embedded S3, optionally with added latency per storage operation.
 *
 * <p>Arguments: {@code --small N --small-kib K --large N --large-mib M --latency-ms L --concurrency C --rounds R},
 * and {@code --set sink.x=y} (repeatable) to change the copier's settings.
 * The copier is driven the way the batch loop drives it (a semaphore of {@code sink.concurrency}); Kafka is left out
 * so the figure is the copy path's own. Then the same requests run again to count requests per skipped object.
 */
public final class ServerSideCopyBenchmark {

    private ServerSideCopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int small = intArg(args, "--small", 2000);
        int smallKib = intArg(args, "--small-kib", 64);
        int large = intArg(args, "--large", 8);
        int largeMib = intArg(args, "--large-mib", 64);
        int latency = intArg(args, "--latency-ms", 0);
        int concurrency = intArg(args, "--concurrency", 64);
        int rounds = intArg(args, "--rounds", 1);
        try (EmbeddedS3 s3 = EmbeddedS3.start(EmbeddedS3.Options.defaults().withLatencyMillis(latency));
             S3Client sync = s3.newClient()) {
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("--set")) {
                    sets.add(args[i + 1]);
                }
            }
            AppConfig config = BenchSupport.config(s3, concurrency, sets.toArray(String[]::new));
            List<FileSyncRequest> objects = populate(s3, config, small, smallKib, large, largeMib);
            System.out.printf("workload: %d x %d KiB + %d x %d MiB, latency %d ms, concurrency %d%n", small,
                    smallKib, large, largeMib, latency, concurrency);
            warmUp(config, sync, objects, concurrency);
            System.out.println("round  contender  seconds  objects/s");
            for (int r = 1; r <= rounds; r++) {
                double[] t = new double[4];
                String[] order = r % 2 == 1 ? new String[] {"sink", "plain", "plain+", "rclone"}
                        : new String[] {"rclone", "plain+", "plain", "sink"};
                for (String c : order) {
                    String bucket = c.replace("+", "-same") + "-" + r;
                    // the previous contender's garbage (the in-memory store's deleted objects) is collected now,
                    // not during the next one's run
                    System.gc();
                    Thread.sleep(500);
                    sync.createBucket(b -> b.bucket(bucket));
                    double seconds = switch (c) {
                        case "sink" -> sink(config, objects, bucket, concurrency, r == 1);
                        case "plain" -> plain(config, objects, bucket, concurrency, false);
                        case "plain+" -> plain(config, objects, bucket, concurrency, true);
                        default -> BenchSupport.rclone(s3, "source", bucket, concurrency);
                    };
                    t[List.of("sink", "plain", "rclone", "plain+").indexOf(c)] = seconds;
                    int copied = sync.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                            .mapToInt(o -> 1).sum();
                    System.out.printf("%5d  %-9s  %7s  %9s%s%n", r, c, BenchSupport.fmt(seconds),
                            BenchSupport.fmt(objects.size() / seconds),
                            copied == objects.size() ? "" : "  MISSING " + (objects.size() - copied));
                    empty(sync, bucket);
                }
                System.out.printf("round %d: sink/plain throughput ratio %s, sink/rclone %s, sink/plain+ %s%n", r,
                        BenchSupport.fmt(t[1] / t[0]), BenchSupport.fmt(t[2] / t[0]), BenchSupport.fmt(t[3] / t[0]));
            }
        }
    }

    private static double sink(AppConfig config, List<FileSyncRequest> objects, String bucket, int concurrency,
                               boolean countRequests) {
        try (StorageClients clients = new StorageClients(config.s3(), config.sink());
             CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients)) {
            long t0 = System.nanoTime();
            List<CopyResult> results = drive(copier, objects, bucket, concurrency);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (countRequests) {
                System.out.printf("  sink requests per copied object: %s (%d copied)%n",
                        perObject(results, CopyOutcome.COPIED), count(results, CopyOutcome.COPIED));
                skips(config, objects, bucket, concurrency, "listing (sink.listingTtl=30s), fresh copier");
                skips(BenchSupport.withListingTtl(config, java.time.Duration.ZERO), objects, bucket, concurrency,
                        "one HEAD each (sink.listingTtl=0s)");
            }
            return seconds;
        }
    }

    /** A second pass over a mirrored bucket with a copier that knows nothing yet: requests per skipped object. */
    private static void skips(AppConfig config, List<FileSyncRequest> objects, String bucket, int concurrency,
                              String how) {
        try (StorageClients clients = new StorageClients(config.s3(), config.sink());
             CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients)) {
            List<CopyResult> again = drive(copier, objects, bucket, concurrency);
            System.out.printf("  sink requests per skipped object, %s: %s (%d skipped)%n", how,
                    perObject(again, CopyOutcome.SKIPPED_CURRENT), count(again, CopyOutcome.SKIPPED_CURRENT));
        }
    }

    /**
     * JIT and connection warm-up of both Java contenders (and of the server), so the first measured one is not
     * penalised: the whole workload twice each. With 300 objects the first measured contender still ran ~1.5x slow.
     */
    private static void warmUp(AppConfig config, S3Client sync, List<FileSyncRequest> objects, int concurrency) {
        List<FileSyncRequest> few = objects;
        for (int i = 0; i < 2; i++) {
            String a = "warm-sink-" + i;
            String b = "warm-plain-" + i;
            sync.createBucket(x -> x.bucket(a));
            sync.createBucket(x -> x.bucket(b));
            sink(config, few, a, concurrency, false);
            plain(config, few, b, concurrency, false);
            empty(sync, a);
            empty(sync, b);
        }
    }

    private static List<CopyResult> drive(CopierFactory.Composed copier, List<FileSyncRequest> objects,
                                          String bucket, int concurrency) {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<CopyResult>> copies = new ArrayList<>();
        for (FileSyncRequest o : objects) {
            FileSyncRequest r = BenchSupport.request("source", o.getDestination().getKey(), o.getExpectedSize(),
                    o.getExpectedEtag(), bucket);
            inFlight.acquireUninterruptibly();
            copies.add(copier.copy(r, "bench").whenComplete((x, e) -> inFlight.release()));
        }
        return copies.stream().map(CompletableFuture::join).toList();
    }

    /** Frees the in-memory store (it has a capacity) between contenders. */
    private static void empty(S3Client sync, String bucket) {
        List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> ids = new ArrayList<>();
        sync.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach(o -> ids.add(software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder()
                        .key(o.key()).build()));
        for (int i = 0; i < ids.size(); i += 1000) {
            List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> chunk =
                    ids.subList(i, Math.min(ids.size(), i + 1000));
            sync.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(chunk)));
        }
    }

    /**
     * The reference loop. {@code sameHeaders} sends the CopyObject the sink sends (if-match on the source ETag, a
     * SHA-256 checksum asked for), to tell the server's extra work from the copier's own overhead.
     */
    private static double plain(AppConfig config, List<FileSyncRequest> objects, String bucket, int concurrency,
                                boolean sameHeaders) {
        try (S3AsyncClient s3 = S3Clients.async(config.s3(), null, false)) {
            Semaphore inFlight = new Semaphore(concurrency);
            List<CompletableFuture<?>> copies = new ArrayList<>();
            long t0 = System.nanoTime();
            for (FileSyncRequest o : objects) {
                inFlight.acquireUninterruptibly();
                copies.add(s3.copyObject(b -> b.sourceBucket("source").sourceKey(o.getDestination().getKey())
                        .destinationBucket(bucket).destinationKey(o.getDestination().getKey())
                        .copySourceIfMatch(sameHeaders ? "\"" + o.getExpectedEtag() + "\"" : null)
                        .checksumAlgorithm(sameHeaders ? ChecksumAlgorithm.SHA256 : null))
                        .whenComplete((x, e) -> inFlight.release()));
            }
            copies.forEach(CompletableFuture::join);
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static List<FileSyncRequest> populate(EmbeddedS3 server, AppConfig config, int small, int smallKib,
                                                  int large, int largeMib) {
        List<FileSyncRequest> out = new ArrayList<>();
        try (S3Client sync = server.newClient(); S3AsyncClient s3 = S3Clients.async(config.s3(), null, false)) {
            sync.createBucket(b -> b.bucket("source"));
            Semaphore inFlight = new Semaphore(32);
            List<CompletableFuture<FileSyncRequest>> puts = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < small + large; i++) {
                byte[] bytes = new byte[i < small ? smallKib << 10 : largeMib << 20];
                random.nextBytes(bytes);
                String key = (i < small ? "data/small/" : "data/large/") + i + ".zip";
                inFlight.acquireUninterruptibly();
                puts.add(s3.putObject(b -> b.bucket("source").key(key), AsyncRequestBody.fromBytes(bytes))
                        .whenComplete((x, e) -> inFlight.release())
                        .thenApply(r -> BenchSupport.request("source", key, bytes.length,
                                r.eTag().replace("\"", ""), "x")));
            }
            puts.forEach(p -> out.add(p.join()));
        }
        return out;
    }

    private static String perObject(List<CopyResult> results, CopyOutcome outcome) {
        List<CopyResult> r = results.stream().filter(x -> x.getOutcome() == outcome).toList();
        return r.isEmpty() ? "-" : BenchSupport.fmt(r.stream().mapToInt(CopyResult::getStorageRequests).sum()
                / (double) r.size());
    }

    private static long count(List<CopyResult> results, CopyOutcome outcome) {
        return results.stream().filter(x -> x.getOutcome() == outcome).count();
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
