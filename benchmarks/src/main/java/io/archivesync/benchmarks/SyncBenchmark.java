package io.archivesync.benchmarks;

import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.embedded.Stack;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code archive-sync sync} against {@code rclone bisync} (Debian's rclone 1.60), side by side in one run: a local
 * directory of N small files and an S3Proxy prefix each; a first sync, a no-change re-run, a re-run with 1% of the
 * files modified locally. Time is the whole process (a cold JVM for archive-sync, its state on a broker already up,
 * as with {@code --bootstrap-servers}); requests are counted on the wire by a proxy in front of S3Proxy. Then the peak
 * heap of archive-sync's first sync and no-change re-run at {@code --heap-files} files.
 *
 * <pre>benchmarks/run.sh SyncBenchmark -- --files 10000 --heap-files 100000</pre>
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = ServerSideCopyBenchmark.intArg(args, "--files", 10_000);
        int heapFiles = ServerSideCopyBenchmark.intArg(args, "--heap-files", 0);
        String heap = "-Xmx" + ServerSideCopyBenchmark.intArg(args, "--xmx-mib", 512) + "m"
                + (java.util.Arrays.asList(args).contains("--c1") ? " -XX:TieredStopAtLevel=1" : "");
        Path work = Files.createTempDirectory("archive-sync-sync-bench");
        EmbeddedS3.Options o = EmbeddedS3.Options.defaults();
        try (S3ServerProcess server = S3ServerProcess.start(work.resolve("s3"), 0);
             CountingHttpProxy proxy = CountingHttpProxy.to(server.endpoint);
             EmbeddedKafka kafka = EmbeddedKafka.start()) {
            URI endpoint = proxy.proxied(server.endpoint);
            String bucket = "sync-bench";
            try (S3Client s3 = new Stack.S3Endpoint(server.endpoint, EmbeddedS3.REGION, o.accessKey(),
                    o.secretKey()).newClient()) {
                s3.createBucket(r -> r.bucket(bucket));
            }
            Path ours = tree(work.resolve("ours"), files);
            Path theirs = tree(work.resolve("rclone"), files);
            RcloneBisync rclone = java.util.Arrays.asList(args).contains("--skip-rclone") ? null
                    : new RcloneBisync(new Rclone(endpoint, o.accessKey(), o.secretKey(), EmbeddedS3.REGION),
                            work.resolve("bisync-workdir"), work.resolve("rclone.log"));
            System.out.printf("%,d files of ~1 KiB, local directory <-> S3Proxy (on disk), JVM %s; work in %s%n",
                    files, heap, work);
            System.out.println("| run | archive-sync time | archive-sync requests | rclone bisync time "
                    + "| rclone bisync requests |");
            System.out.println("|---|---:|---|---:|---|");
            row("first sync", proxy, heap, kafka, endpoint, bucket, ours, rclone, theirs, true);
            row("no-change re-run", proxy, heap, kafka, endpoint, bucket, ours, rclone, theirs, false);
            modify(ours, files);
            modify(theirs, files);
            row("1% changed re-run", proxy, heap, kafka, endpoint, bucket, ours, rclone, theirs, false);
            if (heapFiles > 0) {
                Path big = tree(work.resolve("heap"), heapFiles);
                for (String run : List.of("first sync", "no-change re-run")) {
                    proxy.tally().reset();
                    SyncProcess.Result r = SyncProcess.run(heap, kafka.bootstrapServers(), endpoint, bucket,
                            "heap/", big);
                    System.out.printf("archive-sync at %,d files, %s: %.1f s, %,d requests, peak heap %d MiB "
                            + "(live after GC %d MiB)%n", heapFiles, run, r.wallSeconds(), proxy.tally().total(),
                            r.value("peakHeapMiB"), r.value("liveHeapMiBAfterGc"));
                }
            }
        }
    }

    private static void row(String name, CountingHttpProxy proxy, String heap, EmbeddedKafka kafka, URI endpoint,
                            String bucket, Path ours, RcloneBisync rclone, Path theirs, boolean first)
            throws IOException, InterruptedException {
        proxy.tally().reset();
        SyncProcess.Result r = SyncProcess.run(heap, kafka.bootstrapServers(), endpoint, bucket, "ours/", ours);
        int ourRequests = proxy.tally().total();
        String ourKinds = proxy.tally().breakdown();
        proxy.tally().reset();
        if (rclone == null) {
            System.out.printf("| %s | %.1f s | %,d (%s) | - | - |%n", name, r.wallSeconds(), ourRequests, ourKinds);
            System.out.println("  archive-sync: " + r.line());
            return;
        }
        double theirTime = rclone.run(theirs, bucket + "/rclone", first);
        int theirRequests = proxy.tally().total();
        String theirKinds = proxy.tally().breakdown();
        System.out.printf("| %s | %.1f s | %,d (%s) | %.1f s | %,d (%s) |%n", name, r.wallSeconds(), ourRequests,
                ourKinds, theirTime, theirRequests, theirKinds);
        System.out.println("  archive-sync: " + r.line());
    }

    /** {@code count} files of ~1 KiB in 100 directories. */
    static Path tree(Path dir, int count) throws IOException {
        byte[] pad = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format("d%02d/file-%06d.txt", i % 100, i));
            Files.createDirectories(file.getParent());
            byte[] head = ("file " + i + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + pad.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(pad, 0, all, head.length, pad.length);
            Files.write(file, all);
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        }
        return dir;
    }

    /** Modifies every hundredth file (1%): new content, new size, modified now. */
    static void modify(Path dir, int count) throws IOException {
        List<Path> changed = new ArrayList<>();
        for (int i = 0; i < count; i += 100) {
            Path file = dir.resolve(String.format("d%02d/file-%06d.txt", i % 100, i));
            Files.writeString(file, "changed " + i + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            changed.add(file);
        }
    }
}
