package io.archivesync.benchmarks;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.embedded.EmbeddedS3;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the copier benchmarks share: the copier's settings for an embedded S3, requests, rclone. */
final class BenchSupport {

    private BenchSupport() {
    }

    static AppConfig config(EmbeddedS3 s3, int concurrency, String... overrides) {
        return config(s3.endpoint(), s3.accessKey(), s3.secretKey(), concurrency, overrides);
    }

    static AppConfig config(java.net.URI endpoint, String accessKey, String secretKey, int concurrency,
                            String... overrides) {
        List<String> o = new ArrayList<>(List.of(
                "s3.endpoint=" + endpoint, "s3.region=" + EmbeddedS3.REGION, "s3.accessKey=" + accessKey,
                "s3.secretKey=" + secretKey, "s3.pathStyle=true", "s3.maxConcurrency=" + concurrency,
                "sink.concurrency=" + concurrency, "sink.verify.sha256=false"));
        o.addAll(List.of(overrides));
        return new ConfigLoader(new EnvSubstitution(name -> null)).load(null, o);
    }

    /** The same settings with another {@code sink.listingTtl} (0 = one HEAD per skip check). */
    static AppConfig withListingTtl(AppConfig base, java.time.Duration ttl) {
        return base.withSink(base.sink().withListingTtl(ttl));
    }

    /** A request as the producer makes it from a listing: size and ETag known. */
    static FileSyncRequest request(String sourceBucket, String key, long size, String etag, String destination) {
        return FileSyncRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri("s3://" + sourceBucket + "/" + key).build())
                .setDestination(Destination.newBuilder().setBucket(destination).setKey(key).build())
                .setExpectedSize(size).setExpectedEtag(etag)
                .setRequestedAt(Instant.now()).setAttributes(Map.of()).build();
    }

    /** Runs {@code rclone copy src:from src:to} against the embedded S3 (server-side within one remote). */
    static double rclone(EmbeddedS3 s3, String from, String to, int transfers) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("rclone", "copy", "src:" + from, "src:" + to,
                "--transfers", String.valueOf(transfers), "--checkers", String.valueOf(transfers),
                "--s3-no-check-bucket", "-q");
        Map<String, String> env = pb.environment();
        env.remove("AWS_CA_BUNDLE");
        env.put("RCLONE_CONFIG_SRC_TYPE", "s3");
        env.put("RCLONE_CONFIG_SRC_PROVIDER", "Other");
        env.put("RCLONE_CONFIG_SRC_ENDPOINT", s3.endpoint().toString());
        env.put("RCLONE_CONFIG_SRC_ACCESS_KEY_ID", s3.accessKey());
        env.put("RCLONE_CONFIG_SRC_SECRET_ACCESS_KEY", s3.secretKey());
        env.put("RCLONE_CONFIG_SRC_REGION", s3.region());
        env.put("RCLONE_CONFIG_SRC_FORCE_PATH_STYLE", "true");
        pb.inheritIO();
        long t0 = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("rclone is the reference of this benchmark and is not on the PATH: "
                    + "install it (Debian/Ubuntu: apt-get install rclone) and run again", e);
        }
        int rc = process.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IllegalStateException("rclone exited " + rc);
        }
        return seconds;
    }

    static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
