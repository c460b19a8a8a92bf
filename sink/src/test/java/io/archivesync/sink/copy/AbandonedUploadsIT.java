package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * A copier killed (kill -9) in the middle of a multipart upload leaves it open for good, its parts billed: the retry
 * of that copy aborts it before starting its own, on both multipart paths.
 */
@ExtendWith(StackExtension.class)
class AbandonedUploadsIT {

    private static final int MIB = 1 << 20;

    @Test
    void shouldAbortTheUploadAKilledCopierLeftWhenTheStreamedCopyOfItsKeyRuns(Stack.S3Endpoint s3) {
        // Given an upload of a.zip with one part, as a copier killed mid-copy leaves it, and one of a longer key
        try (Fixture f = new Fixture(s3, "sink.streaming.partSize=5242880", "sink.verify.sha256=false");
             HttpSource http = new HttpSource()) {
            byte[] bytes = Fixture.zip(11 * MIB, 1);
            String url = http.serve("/a.zip", bytes);
            String stale = leaveUpload(f, "a.zip");
            String other = leaveUpload(f, "a.zip.v2");

            // When the copy is retried by another copier
            CopyResult result = f.copy(Requests.copy(url, f.mirror, "a.zip").build());

            // Then the stale upload is gone, the copy done, and the other key's upload left alone
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethodReason()).contains("multipart upload");
            assertThat(f.read(f.mirror, "a.zip")).isEqualTo(bytes);
            assertThat(uploads(f)).extracting(MultipartUpload::uploadId).doesNotContain(stale).containsExactly(other);
        }
    }

    @Test
    void shouldAbortTheUploadAKilledCopierLeftWhenTheMultipartServerSideCopyOfItsKeyRuns(Stack.S3Endpoint s3) {
        // Given a 7 MiB source copied in 5 MiB parts server-side, and an upload of its key left by a killed copier
        try (Fixture f = new Fixture(s3, "sink.serverSide.multipartThreshold=6291456",
                "sink.serverSide.partSize=5242880", "sink.verify.sha256=false")) {
            byte[] bytes = Fixture.zip(7 * MIB, 2);
            f.put("b.zip", bytes);
            String stale = leaveUpload(f, "b.zip");

            // When
            CopyResult result = f.copy(Requests.copy(f.uri("b.zip"), f.mirror, "b.zip").build());

            // Then
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.MULTIPART_SERVER_SIDE);
            assertThat(f.read(f.mirror, "b.zip")).isEqualTo(bytes);
            assertThat(uploads(f)).extracting(MultipartUpload::uploadId).doesNotContain(stale).isEmpty();
        }
    }

    /** What a copier killed between CreateMultipartUpload and Complete leaves: an open upload with a part. */
    private static String leaveUpload(Fixture f, String key) {
        String uploadId = f.client.createMultipartUpload(b -> b.bucket(f.mirror).key(key)).uploadId();
        f.client.uploadPart(b -> b.bucket(f.mirror).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(Fixture.zip(5 * MIB, 9)));
        assertThat(uploads(f)).extracting(MultipartUpload::uploadId).contains(uploadId);
        return uploadId;
    }

    private static java.util.List<MultipartUpload> uploads(Fixture f) {
        return f.client.listMultipartUploads(b -> b.bucket(f.mirror)).uploads();
    }
}
