package io.archivesync.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code rclone copy -v} measured as a whole process, and what its log says it did: objects copied (server-side),
 * modification times set on objects already there (on S3 each is a CopyObject onto itself), its last checks line.
 */
record RcloneRun(ChildProcessTimer.Timed timed, long copied, long modTimesUpdated, String checks) {

    static RcloneRun run(Rclone rclone, String from, String to, List<String> flags, Path log, long serverPid)
            throws IOException, InterruptedException {
        List<String> all = new java.util.ArrayList<>(flags);
        all.add("-v");
        ProcessBuilder pb = rclone.copy(from, to, all).redirectErrorStream(true).redirectOutput(log.toFile());
        ChildProcessTimer.Timed timed = ChildProcessTimer.run(pb, serverPid);
        if (timed.exitCode() != 0) {
            throw new IllegalStateException("rclone exited " + timed.exitCode() + "; see " + log);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        long copied = lines.stream().filter(l -> l.contains(": Copied (")).count();
        long touched = lines.stream().filter(l -> l.contains("Updated modification time")).count();
        String checks = lines.stream().filter(l -> l.startsWith("Checks:")).reduce((a, b) -> b)
                .map(l -> l.substring("Checks:".length()).trim()).orElse("0");
        return new RcloneRun(timed, copied, touched, checks);
    }

    String note() {
        return "copied " + copied + (modTimesUpdated == 0 ? "" : ", mtime set on " + modTimesUpdated)
                + ", checks " + checks;
    }
}
