package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code archive-sync copy} end to end on S3Proxy, with the pipeline embedded and its state in a temporary dir. */
@ExtendWith(StackExtension.class)
class CopyCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBJECTS = 12;

    @Test
    void shouldCopyEveryObjectThenAnswerASecondRunFromState(Stack stack, @TempDir Path state) throws Exception {
        // Given a source prefix with objects (and one outside it), and an empty destination bucket
        String src = bucket("src");
        String dst = bucket("dst");
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(src));
            s3.createBucket(b -> b.bucket(dst));
            for (int i = 0; i < OBJECTS; i++) {
                put(s3, src, "data/day-" + i + "/file.bin", "content of object " + i);
            }
            put(s3, src, "other/outside.bin", "not copied");

            // When copy runs
            OneShotRun first = OneShotRun.run(stack, state, "copy", "s3://" + src + "/data", "s3://" + dst
                    + "/mirror/", "--json");

            // Then it exits 0, every object is byte-identical under the destination prefix, the summary says so
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).containsPattern("live: dashboard http://127\\.0\\.0\\.1:\\d+/dashboard, metrics ");
            JsonNode summary = JSON.readTree(first.out());
            assertThat(summary.get("objects").asLong()).isEqualTo(OBJECTS);
            assertThat(summary.get("copied").asLong()).isEqualTo(OBJECTS);
            assertThat(summary.get("efficiency").get("successRate").asDouble()).isEqualTo(1.0);
            assertThat(summary.get("failed").asLong()).isZero();
            assertThat(summary.get("bytesThroughCopier").asLong()).isZero();
            for (int i = 0; i < OBJECTS; i++) {
                assertThat(get(s3, dst, "mirror/day-" + i + "/file.bin")).isEqualTo(get(s3, src,
                        "data/day-" + i + "/file.bin"));
            }
            assertThat(s3.listObjectsV2(b -> b.bucket(dst)).keyCount()).isEqualTo(OBJECTS);

            // When the same copy runs again on the same state directory
            OneShotRun second = OneShotRun.run(stack, state, "copy", "s3://" + src + "/data", "s3://" + dst
                    + "/mirror/", "--json", "--no-live");
            assertThat(second.err()).doesNotContain("live: dashboard");

            // Then every object is answered from the results, with no storage request at all
            assertThat(second.exitCode()).as(second.err()).isZero();
            JsonNode again = JSON.readTree(second.out());
            assertThat(again.get("skipped").asLong()).isEqualTo(OBJECTS);
            assertThat(again.get("answeredFromState").asLong()).isEqualTo(OBJECTS);
            assertThat(again.get("copied").asLong()).isZero();
            assertThat(again.get("storageRequestsPerObject").asDouble()).isZero();
        }
    }

    static String bucket(String what) {
        return "oneshot-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void put(S3Client s3, String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    static byte[] get(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }
}
