package io.archivesync.cli.oneshot;

import static io.archivesync.cli.oneshot.CopyCommandIT.bucket;
import static io.archivesync.cli.oneshot.CopyCommandIT.get;
import static io.archivesync.cli.oneshot.CopyCommandIT.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code archive-sync copy --bootstrap-servers}: the job published to a cluster whose services run elsewhere. */
@ExtendWith(StackExtension.class)
class CopyOnClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBJECTS = 6;

    @Test
    void shouldRunTheJobOnAClusterAndFollowItThenPublishOneDetached(Stack stack, @TempDir Path state)
            throws Exception {
        // Given a cluster's processor and copier, a source prefix with objects and an empty destination bucket
        String src = bucket("src");
        String dst = bucket("dst");
        try (ClusterServices cluster = new ClusterServices(stack);
             S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(src));
            s3.createBucket(b -> b.bucket(dst));
            for (int i = 0; i < OBJECTS; i++) {
                put(s3, src, "in/obj-" + i + ".txt", "cluster object " + i);
                put(s3, src, "later/obj-" + i + ".txt", "detached object " + i);
            }
            String[] onCluster = {"--bootstrap-servers", stack.kafkaBootstrapServers(),
                    "--schema-registry-url", stack.schemaRegistryUrl(),
                    "--set", "topics.prefix=" + cluster.topicPrefix};

            // When copy runs against the cluster
            OneShotRun run = OneShotRun.run(stack, state, concat(new String[]{"copy", "s3://" + src + "/in",
                    "s3://" + dst + "/out", "--json"}, onCluster));

            // Then it follows the job to its end: exit 0, a summary naming the cluster, every object copied
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode summary = JSON.readTree(run.out());
            assertThat(summary.get("mode").asText()).isEqualTo("cluster " + stack.kafkaBootstrapServers());
            assertThat(summary.get("objects").asLong()).isEqualTo(OBJECTS);
            assertThat(summary.get("copied").asLong()).isEqualTo(OBJECTS);
            assertThat(summary.get("failed").asLong()).isZero();
            for (int i = 0; i < OBJECTS; i++) {
                assertThat(get(s3, dst, "out/obj-" + i + ".txt")).isEqualTo(get(s3, src, "in/obj-" + i + ".txt"));
            }

            // When another copy is published with --detach
            OneShotRun detached = OneShotRun.run(stack, state, concat(new String[]{"copy",
                    "s3://" + src + "/later", "s3://" + dst + "/later", "--detach"}, onCluster));

            // Then it prints only the job id and returns, and the cluster's services copy the objects
            assertThat(detached.exitCode()).as(detached.err()).isZero();
            assertThat(UUID.fromString(detached.out().strip())).isNotNull();
            await("the detached job's objects copied by the cluster").atMost(Duration.ofMinutes(1))
                    .untilAsserted(() -> assertThat(s3.listObjectsV2(b -> b.bucket(dst).prefix("later/")).keyCount())
                            .isEqualTo(OBJECTS));
            for (int i = 0; i < OBJECTS; i++) {
                assertThat(get(s3, dst, "later/obj-" + i + ".txt"))
                        .isEqualTo(get(s3, src, "later/obj-" + i + ".txt"));
            }
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
