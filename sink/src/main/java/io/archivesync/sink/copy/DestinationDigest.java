package io.archivesync.sink.copy;

import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The last resort of verification: one read of the mirrored object, hashed as it arrives (nothing kept), for a
 * server-side copy on a storage that computed no checksum.
 */
final class DestinationDigest {

    /** The SHA-256 in hex and how many bytes were read for it. */
    record Digest(String sha256, long bytesRead) {
    }

    private DestinationDigest() {
    }

    static CompletableFuture<Digest> read(S3AsyncClient s3, String bucket, String key) {
        MessageDigest sha256 = Hex.sha256();
        AtomicLong bytes = new AtomicLong();
        return s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toPublisher())
                .thenCompose(publisher -> publisher.subscribe(buffer -> {
                    bytes.addAndGet(buffer.remaining());
                    sha256.update(buffer);
                }))
                .thenApply(done -> new Digest(Hex.hex(sha256.digest()), bytes.get()));
    }
}
