package io.archivesync.benchmarks;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The object every copy of {@link CrossProviderStreamingBenchmark} starts from: seeded random bytes in S3, written as
 * a multipart upload of 16 MiB parts (as a big archive usually is), so that its size is not bounded by this heap.
 *
 * @param sha256 the SHA-256 of its content, computed while it was written, that every copy must have
 */
record SourceObject(String bucket, String key, long size, String sha256) {

    private static final int PART = 16 << 20;

    static SourceObject populate(S3Client s3, String bucket, String key, long size) {
        s3.createBucket(b -> b.bucket(bucket));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        MessageDigest sha256 = Landed.newSha256();
        Random random = new Random(7);
        byte[] part = new byte[(int) Math.min(PART, Math.max(1, size))];
        List<CompletedPart> parts = new ArrayList<>();
        for (long written = 0; written < size; written += part.length) {
            random.nextBytes(part);
            byte[] body = size - written >= part.length ? part : Arrays.copyOf(part, (int) (size - written));
            sha256.update(body);
            int number = parts.size() + 1;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(body)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        return new SourceObject(bucket, key, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Whether {@code landed} is this object's content. */
    boolean matches(Landed landed) {
        return landed.size() == size && landed.sha256().equals(sha256);
    }
}
