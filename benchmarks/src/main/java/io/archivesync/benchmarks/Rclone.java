package io.archivesync.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rclone copy} between two buckets of one S3 endpoint, configured through the environment (no config file):
 * the remote {@code src:} is that endpoint, so the copy is server-side (CopyObject). rclone 1.60 (Debian) flags.
 */
final class Rclone {

    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;

    Rclone(URI endpoint, String accessKey, String secretKey, String region) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /** Whether an {@code rclone} is on the PATH. */
    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "rclone").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command for {@code rclone copy src:from src:to} with extra flags (none = rclone's defaults, 4 transfers
     * and 8 checkers). {@code --s3-no-check-bucket}: the destination exists, as it must for archive-sync.
     */
    ProcessBuilder copy(String from, String to, List<String> flags) {
        List<String> command = new ArrayList<>(List.of("rclone", "copy", "src:" + from, "src:" + to,
                "--s3-no-check-bucket"));
        command.addAll(flags);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        // set on these machines, and it breaks rclone
        env.remove("AWS_CA_BUNDLE");
        env.put("RCLONE_CONFIG_SRC_TYPE", "s3");
        env.put("RCLONE_CONFIG_SRC_PROVIDER", "Other");
        env.put("RCLONE_CONFIG_SRC_ENDPOINT", endpoint.toString());
        env.put("RCLONE_CONFIG_SRC_ACCESS_KEY_ID", accessKey);
        env.put("RCLONE_CONFIG_SRC_SECRET_ACCESS_KEY", secretKey);
        env.put("RCLONE_CONFIG_SRC_REGION", region);
        env.put("RCLONE_CONFIG_SRC_FORCE_PATH_STYLE", "true");
        return pb;
    }

    /** The same, started and waited for; throws when rclone is missing or fails. Returns wall seconds. */
    double copyAndWait(String from, String to, List<String> flags) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("rclone is the reference of this benchmark and is not on the PATH: "
                    + "install it (Debian/Ubuntu: apt-get install rclone) and run again");
        }
        ProcessBuilder pb = copy(from, to, flags).inheritIO();
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("rclone exited " + rc);
        }
        return seconds;
    }
}
