package io.archivesync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs one contender of {@link CopyCommandBenchmark} into a fresh destination bucket, then again over the
 * mirror it made (rclone twice: its first re-run sets modification times), checks the bucket holds every object, then
 * frees the bucket (and archive-sync's state directory).
 */
final class ContenderRunner {

    /**
     * One measured process.
     *
     * @param requestsPerObject storage requests per object as the command counts them, or "-" when it does not say
     * @param timeline          where archive-sync's time went; null for rclone
     */
    record Row(String contender, int pass, ChildProcessTimer.Timed timed, String requestsPerObject,
               String note, CopyTimeline timeline) {

        /** 1: into an empty bucket; 2: again over the mirror; 3 (rclone): once more. */
        String label() {
            return contender + (pass == 1 ? "" : pass == 2 ? ", re-run" : ", 2nd re-run");
        }
    }

    private final S3Client s3;
    private final S3ServerProcess server;
    private final Path work;
    private final CopyWorkload workload;
    private final ArchiveSyncCopyProcess archiveSync;
    private final Rclone rclone;
    private int buckets;

    ContenderRunner(S3Client s3, S3ServerProcess server, Path work, CopyWorkload workload,
                    ArchiveSyncCopyProcess archiveSync, Rclone rclone) {
        this.s3 = s3;
        this.server = server;
        this.work = work;
        this.workload = workload;
        this.archiveSync = archiveSync;
        this.rclone = rclone;
    }

    /** One untimed copy, so that the launcher writes its class-data archive before anything is timed. */
    void warmUpLauncher() throws IOException, InterruptedException {
        String bucket = freshBucket();
        Path state = work.resolve("state").resolve(bucket);
        archiveSync.copy("src", bucket, state, work, bucket + "-warm-up", server.pid());
        CopyWorkload.delete(s3, bucket);
        CopyCommandBenchmark.deleteTree(state);
    }

    List<Row> archiveSync() throws IOException, InterruptedException {
        String bucket = freshBucket();
        Path state = work.resolve("state").resolve(bucket);
        Row first = row("archive-sync copy (new state)", 1,
                archiveSync.copy("src", bucket, state, work, bucket + "-first", server.pid()), bucket);
        Row again = row("archive-sync copy (same state)", 2,
                archiveSync.copy("src", bucket, state, work, bucket + "-rerun", server.pid()), bucket);
        CopyWorkload.delete(s3, bucket);
        CopyCommandBenchmark.deleteTree(state);
        return List.of(first, again);
    }

    List<Row> rclone(String name, List<String> flags) throws IOException, InterruptedException {
        String bucket = freshBucket();
        RcloneRun first = RcloneRun.run(rclone, "src", bucket, flags, work.resolve(bucket + "-first.log"),
                server.pid());
        String missing = missing(bucket);
        RcloneRun again = RcloneRun.run(rclone, "src", bucket, flags, work.resolve(bucket + "-rerun.log"),
                server.pid());
        // the first re-run sets modification times (rclone's server-side copy did not carry them); this one skips
        RcloneRun third = RcloneRun.run(rclone, "src", bucket, flags, work.resolve(bucket + "-rerun2.log"),
                server.pid());
        CopyWorkload.delete(s3, bucket);
        return List.of(new Row(name, 1, first.timed(), "-", first.note() + missing, null),
                new Row(name, 2, again.timed(), "-", again.note(), null),
                new Row(name, 3, third.timed(), "-", third.note(), null));
    }

    private Row row(String name, int pass, ArchiveSyncCopyProcess.Run run, String bucket) {
        JsonNode s = run.summary();
        String requests = String.format(Locale.ROOT, "%.2f + %d listing", s.path("storageRequestsPerObject")
                .asDouble(), s.path("listingRequests").asLong());
        String note = String.format(Locale.ROOT, "copied %d, skipped %d (%d from state)", s.path("copied").asLong(),
                s.path("skipped").asLong(), s.path("answeredFromState").asLong()) + missing(bucket);
        return new Row(name, pass, run.timed(), requests, note, run.timeline());
    }

    private String freshBucket() {
        String bucket = "dst" + ++buckets;
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private String missing(String bucket) {
        int n = workload.objects() - CopyWorkload.count(s3, bucket);
        return n == 0 ? "" : "; MISSING " + n;
    }
}
