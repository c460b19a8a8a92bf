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
        return new Rclone(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.region()).copyAndWait(from, to,
                List.of("--transfers", String.valueOf(transfers), "--checkers", String.valueOf(transfers), "-q"));
    }

    static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
