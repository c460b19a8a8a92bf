package io.archivesync.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rclone bisync DIR src:bucket/prefix} with rclone's defaults: the first run with {@code --resync} (bisync
 * requires it to make its listings' baseline), later runs without. Timed as a whole process.
 */
final class RcloneBisync {

    private final Rclone rclone;
    private final Path workdir;
    private final Path log;

    RcloneBisync(Rclone rclone, Path workdir, Path log) {
        this.rclone = rclone;
        this.workdir = workdir;
        this.log = log;
    }

    /** @return wall seconds */
    double run(Path dir, String remote, boolean first) throws IOException, InterruptedException {
        Files.createDirectories(workdir);
        List<String> command = new ArrayList<>(List.of("rclone", "bisync", dir.toString(), "src:" + remote,
                "--workdir", workdir.toString(), "--s3-no-check-bucket", "-v"));
        if (first) {
            command.add("--resync");
        }
        ProcessBuilder pb = rclone.copy("x", "y", List.of()).command(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("rclone bisync exited " + rc + "; see " + log);
        }
        return seconds;
    }
}
