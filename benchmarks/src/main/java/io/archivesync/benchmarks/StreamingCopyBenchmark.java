package io.archivesync.benchmarks;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.sink.copy.CopierFactory;
import io.archivesync.sink.copy.StorageClients;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A streamed copy of one big object (default 1 GiB) through the sink's copier (TRADITIONAL mode: GET, multipart
 * upload, hashing on the way) against a plain GET→PUT with the sync SDK client and a plain GET→multipart upload
 * (16 MiB parts, one at a time, no hashing), in the same run, after an untimed warm-up copy by each. Run it with
 * {@code -Xmx256m}: the point is that memory stays bounded by part size × parts in flight. The S3 server runs in a
 * process of its own, so heap figures are the copier's; it keeps objects in memory, or on disk with
 * {@code --on-disk} (where S3Proxy's file store rewrites a whole multipart object when it completes).
 *
 * <p>Arguments: {@code --size-mib N --latency-ms L --rounds R [--on-disk]}, and {@code --set sink.x=y}
 * (repeatable).
 */
public final class StreamingCopyBenchmark {

    private static final int MIB = 1 << 20;

    private StreamingCopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sizeMib = ServerSideCopyBenchmark.intArg(args, "--size-mib", 1024);
        int latency = ServerSideCopyBenchmark.intArg(args, "--latency-ms", 0);
        int rounds = ServerSideCopyBenchmark.intArg(args, "--rounds", 2);
        Path dir = Files.createTempDirectory("archive-sync-streaming-bench");
        EmbeddedS3.Options o = EmbeddedS3.Options.defaults();
        boolean inMemory = !Arrays.asList(args).contains("--on-disk");
        try (S3ServerProcess server = S3ServerProcess.start(inMemory ? null : dir, latency);
             S3Client s3 = new Stack.S3Endpoint(server.endpoint, EmbeddedS3.REGION, o.accessKey(), o.secretKey())
                     .newClient()) {
            s3.createBucket(b -> b.bucket("source"));
            String etag = populate(s3, "big.bin", sizeMib);
            long size = (long) sizeMib * MIB;
            List<String> sets = new ArrayList<>(List.of("sink.mode=TRADITIONAL"));
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("--set")) {
                    sets.add(args[i + 1]);
                }
            }
            AppConfig config = BenchSupport.config(server.endpoint, o.accessKey(), o.secretKey(), 64,
                    sets.toArray(String[]::new));
            System.out.printf("object: %d MiB, server store %s, latency %d ms, max heap %d MiB, part size %d MiB x %d"
                            + " in flight%n", sizeMib, inMemory ? "in memory" : "on disk", latency,
                    Runtime.getRuntime().maxMemory() / MIB, config.sink().streaming().partSize() / MIB, config.sink().streaming().partsInFlight());
            warmUp(s3, config, etag, size);
            System.out.println("round  contender  seconds  MB/s     peak heap MiB  CPU s (this JVM)");
            for (int r = 1; r <= rounds; r++) {
                double[] mbs = new double[3];
                for (String c : r % 2 == 1 ? List.of("sink", "plain", "plain-mpu")
                        : List.of("plain-mpu", "plain", "sink")) {
                    String bucket = c + "-" + r;
                    s3.createBucket(b -> b.bucket(bucket));
                    double seconds;
                    double cpu0 = processCpuSeconds();
                    long peak;
                    if (c.equals("sink")) {
                        // the copier and its clients are built before the clock starts, as plain's client is
                        try (StorageClients clients = new StorageClients(config.s3(), config.sink());
                             CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients)) {
                            System.gc();
                            HeapSampler sampler = new HeapSampler();
                            long t0 = System.nanoTime();
                            sink(copier, BenchSupport.request("source", "big.bin", size, etag, bucket));
                            seconds = (System.nanoTime() - t0) / 1e9;
                            peak = sampler.stop();
                        }
                    } else if (c.equals("plain")) {
                        System.gc();
                        HeapSampler sampler = new HeapSampler();
                        long t0 = System.nanoTime();
                        plain(s3, "big.bin", bucket);
                        seconds = (System.nanoTime() - t0) / 1e9;
                        peak = sampler.stop();
                    } else {
                        System.gc();
                        HeapSampler sampler = new HeapSampler();
                        long t0 = System.nanoTime();
                        double completing = plainMultipart(s3, "big.bin", bucket);
                        seconds = (System.nanoTime() - t0) / 1e9;
                        peak = sampler.stop();
                        System.out.printf("  plain-mpu: CompleteMultipartUpload alone took %s s%n",
                                BenchSupport.fmt(completing));
                    }
                    long landed = s3.headObject(b -> b.bucket(bucket).key("big.bin")).contentLength();
                    mbs[List.of("sink", "plain", "plain-mpu").indexOf(c)] = size / 1e6 / seconds;
                    double cpu = processCpuSeconds() - cpu0;
                    System.out.printf("%5d  %-9s  %7s  %7s  %13d  %8s%s%n", r, c, BenchSupport.fmt(seconds),
                            BenchSupport.fmt(size / 1e6 / seconds), peak / MIB, BenchSupport.fmt(cpu),
                            landed == size ? "" : "  WRONG SIZE");
                    s3.deleteObject(b -> b.bucket(bucket).key("big.bin"));
                }
                System.out.printf("round %d: sink/plain throughput ratio %s, sink/plain-mpu %s%n", r,
                        BenchSupport.fmt(mbs[0] / mbs[1]), BenchSupport.fmt(mbs[0] / mbs[2]));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One untimed copy of the object by each contender first: a first big copy runs well below speed in both JVMs
     * (compilation, heaps growing), and a smaller warm-up object did not take that away.
     */
    private static void warmUp(S3Client s3, AppConfig config, String etag, long size) throws Exception {
        s3.createBucket(b -> b.bucket("warm-up"));
        long t0 = System.nanoTime();
        try (StorageClients clients = new StorageClients(config.s3(), config.sink());
             CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients)) {
            sink(copier, BenchSupport.request("source", "big.bin", size, etag, "warm-up"));
        }
        s3.deleteObject(b -> b.bucket("warm-up").key("big.bin"));
        plain(s3, "big.bin", "warm-up");
        s3.deleteObject(b -> b.bucket("warm-up").key("big.bin"));
        plainMultipart(s3, "big.bin", "warm-up");
        s3.deleteObject(b -> b.bucket("warm-up").key("big.bin"));
        System.out.printf("warm-up: the object copied once by each contender in %s s%n",
                BenchSupport.fmt((System.nanoTime() - t0) / 1e9));
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static void sink(CopierFactory.Composed copier, FileSyncRequest request) {
        CopyResult result = copier.copy(request, "bench").join();
        if (result.getOutcome() != CopyOutcome.COPIED) {
            throw new IllegalStateException("sink copy failed: " + result.getErrorMessage());
        }
        System.out.printf("  sink: %s, %d storage requests, sha256 %s%n", result.getMethodReason(),
                result.getStorageRequests(), result.getDestinationSha256());
    }

    private static void plain(S3Client s3, String key, String bucket) throws Exception {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket("source").key(key))) {
            s3.putObject(b -> b.bucket(bucket).key(key),
                    RequestBody.fromInputStream(in, in.response().contentLength()));
        }
    }

    /**
     * The same GET, sent on as a plain multipart upload: 16 MiB parts read and sent one at a time, no hashing. It
     * shows what multipart itself costs on this server (S3Proxy's file store rewrites the whole object when the
     * upload completes), apart from the copier.
     */
    private static double plainMultipart(S3Client s3, String key, String bucket) throws Exception {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket("source").key(key))) {
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            byte[] part = new byte[16 * MIB];
            List<CompletedPart> parts = new ArrayList<>();
            int n;
            while ((n = in.readNBytes(part, 0, part.length)) > 0) {
                int number = parts.size() + 1;
                int length = n;
                String e = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                                .partNumber(number).contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new java.io.ByteArrayInputStream(part, 0, length),
                                length, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(e).build());
            }
            long t0 = System.nanoTime();
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static String populate(S3Client s3, String key, int sizeMib) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket("source").key(key)).uploadId();
        byte[] part = new byte[16 * MIB];
        Random random = new Random(7);
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i * 16 < sizeMib; i++) {
            random.nextBytes(part);
            int n = i + 1;
            int len = Math.min(16, sizeMib - i * 16) * MIB;
            String e = s3.uploadPart(b -> b.bucket("source").key(key).uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(len == part.length ? part : java.util.Arrays.copyOf(part, len))).eTag();
            parts.add(CompletedPart.builder().partNumber(n).eTag(e).build());
        }
        return s3.completeMultipartUpload(b -> b.bucket("source").key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).eTag().replace("\"", "");
    }

    /** The largest used heap seen, sampled every 5 ms (garbage not yet collected included). */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");

        HeapSampler() {
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }
}
