package io.archivesync.cli.demo;

import io.archivesync.embedded.archive.SampleArchive;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The demo's own proof, independent of the pipeline's results: reads every mirrored object back, compares it with
 * the source byte for byte, and checks each mirrored zip against its mirrored {@code .CHECKSUM}.
 */
final class DemoCheck {

    record Verdict(int identical, int zips, int checksumsOk) {
    }

    private DemoCheck() {
    }

    static Verdict verify(S3Client s3, String sourceBucket, String mirrorBucket, String prefix,
                          List<SampleArchive.Entry> archive) {
        int identical = 0;
        int zips = 0;
        int checksumsOk = 0;
        for (SampleArchive.Entry entry : archive) {
            byte[] source = get(s3, sourceBucket, entry.key());
            byte[] mirror = get(s3, mirrorBucket, prefix + entry.key());
            if (mirror != null && Arrays.equals(source, mirror)) {
                identical++;
            }
            if (entry.key().endsWith(".zip")) {
                zips++;
                byte[] sidecar = get(s3, mirrorBucket, prefix + entry.key() + ".CHECKSUM");
                if (mirror != null && sidecar != null) {
                    String published = new String(sidecar, StandardCharsets.US_ASCII).split("\\s+")[0];
                    if (published.equals(SampleArchive.sha256(mirror))) {
                        checksumsOk++;
                    }
                }
            }
        }
        return new Verdict(identical, zips, checksumsOk);
    }

    private static byte[] get(S3Client s3, String bucket, String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return bytes.asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }
}
