package io.archivesync.cli.oneshot;

import static io.archivesync.cli.oneshot.CopyCommandIT.bucket;
import static io.archivesync.cli.oneshot.CopyCommandIT.get;
import static io.archivesync.cli.oneshot.CopyCommandIT.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code archive-sync copy} killed with SIGKILL in the middle of its job, then started again on the same state
 * directory: the restart finishes the job, and no object gets a second committed COPIED result.
 */
@ExtendWith(StackExtension.class)
class CopyKilledAndRestartedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBJECTS = 200;
    /** The plain progress line a run prints to stderr every 5 s: "[###...] 40/200 objects ...". */
    private static final Pattern PROGRESS = Pattern.compile("\\] (\\d+)/(\\d+) objects");

    @Test
    void shouldCopyEveryObjectExactlyOnceWhenARunKilledMidJobIsStartedAgain(Stack stack, @TempDir Path state,
                                                                            @TempDir Path logs) throws Exception {
        // Given a source prefix with many small objects and an empty destination bucket
        String src = bucket("src");
        String dst = bucket("dst");
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(src));
            s3.createBucket(b -> b.bucket(dst));
            for (int i = 0; i < OBJECTS; i++) {
                put(s3, src, "data/part-" + i + ".bin", "bytes of part " + i);
            }
            String[] copy = {"copy", "s3://" + src + "/data", "s3://" + dst + "/mirror", "--no-live"};

            // When copy runs in its own JVM, slowed by a storage request cap and small batches so that it is
            // mid-job when its first results are committed, and is killed with SIGKILL then
            int doneWhenKilled;
            try (OneShotProcess first = OneShotProcess.start(stack, state, logs, concat(copy,
                    "--set", "sink.rateLimit.requestsPerSecond=20", "--set", "processor.batch.maxRequests=5"))) {
                await("a committed result in the progress of the run to kill").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> lastDone(first.err()) > 0 || !first.isAlive());
                assertThat(first.isAlive()).as("still running when killed: %s", first.err()).isTrue();
                doneWhenKilled = lastDone(first.err());
                assertThat(first.kill()).as("killed, not ended").isNotZero();
            }
            assertThat(doneWhenKilled).as("mid-job when killed").isBetween(1, OBJECTS - 1);

            // When the same copy runs again on the same state directory
            long restarted = System.currentTimeMillis();
            OneShotRun second = OneShotRun.run(stack, state, concat(copy, "--json"));

            // Then it exits 0 and every object is byte-identical at the destination
            assertThat(second.exitCode()).as(second.err()).isZero();
            for (int i = 0; i < OBJECTS; i++) {
                assertThat(get(s3, dst, "mirror/part-" + i + ".bin")).as("part %d", i)
                        .isEqualTo(get(s3, src, "data/part-" + i + ".bin"));
            }
            assertThat(s3.listObjectsV2(b -> b.bucket(dst)).keyCount()).isEqualTo(OBJECTS);

            // And across both runs every object has exactly one good committed result: never a second COPIED
            List<ConsumerRecord<String, CopyResult>> results = StateResults.read(state);
            Map<String, Long> goodPerObject = results.stream()
                    .filter(r -> JobTracker.isGood(r.value().getOutcome()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(goodPerObject).hasSize(OBJECTS);
            assertThat(goodPerObject).allSatisfy((key, good) -> assertThat(good).as(key).isOne());
            assertThat(results).allSatisfy(r -> assertThat(r.value().getOutcome()).as(r.key())
                    .isIn(CopyOutcome.COPIED, CopyOutcome.SKIPPED_CURRENT));

            // And the restart answered what the killed run had committed from state, and only the rest got a result
            // from it: copied, or found current (copied by the killed run in a transaction that never committed)
            long committedBeforeRestart = results.stream().filter(r -> r.timestamp() < restarted).count();
            JsonNode summary = JSON.readTree(second.out());
            assertThat(committedBeforeRestart).isGreaterThanOrEqualTo(doneWhenKilled);
            assertThat(summary.get("objects").asLong()).isEqualTo(OBJECTS);
            assertThat(summary.get("answeredFromState").asLong()).isEqualTo(committedBeforeRestart);
            assertThat(summary.get("copied").asLong() + summary.get("skipped").asLong()).isEqualTo(OBJECTS);
            assertThat(summary.get("copied").asLong() + summary.get("skipped").asLong()
                    - summary.get("answeredFromState").asLong()).isEqualTo(results.size() - committedBeforeRestart);
        }
    }

    /** The object count of the last progress line printed so far, or 0. */
    private static int lastDone(String err) {
        Matcher m = PROGRESS.matcher(err);
        int done = 0;
        while (m.find()) {
            done = Integer.parseInt(m.group(1));
        }
        return done;
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
