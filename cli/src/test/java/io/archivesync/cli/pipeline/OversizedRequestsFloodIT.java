package io.archivesync.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A flood of requests with large attributes on a real broker whose processor producer sends records of at most
 * {@value #MAX_REQUEST_SIZE} bytes: the oversized ones are dead-lettered with the limit they break, the large but
 * valid ones fill batches up to {@code processor.batch.maxEncodedBytes}, and every valid request around them is
 * copied. Without the bounds a batch too large to send would stop the processor's partition for good.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedRequestsFloodIT {

    private static final int MAX_ENCODED = 64 * 1024;
    private static final int MAX_REQUEST_SIZE = MAX_ENCODED + 16 * 1024;
    private static final int ROUNDS = 10;

    private final String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
    private final String mirror = "dst-" + UUID.randomUUID().toString().substring(0, 8);
    private S3Client s3;
    private Pipeline pipeline;

    @BeforeAll
    void startPipeline(Stack stack) {
        s3 = stack.s3().newClient();
        s3.createBucket(b -> b.bucket(source));
        s3.createBucket(b -> b.bucket(mirror));
        pipeline = new Pipeline(stack, List.of(
                "kafka.properties={producer.max.request.size: " + MAX_REQUEST_SIZE + "}",
                "processor.batch.maxRequests=100",
                "processor.batch.maxEncodedBytes=" + MAX_ENCODED));
    }

    @AfterAll
    void stopPipeline() {
        pipeline.close();
        s3.close();
    }

    @Test
    void shouldCopyEveryValidRequestAroundAFloodOfOversizedOnes() {
        // Given, interleaved, 50 small valid requests, 20 valid ones with 15 KiB of attributes each (four fill a
        // batch) and 20 over the attribute limits: 65 entries, or 20 KiB of names and values
        List<FileSyncRequest> valid = new ArrayList<>();
        List<FileSyncRequest> tooMany = new ArrayList<>();
        List<FileSyncRequest> tooLarge = new ArrayList<>();
        List<FileSyncRequest> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int slot = 0; slot < 9; slot++) {
                FileSyncRequest r = request(round + "-" + slot);
                if (slot == 0) {
                    r.setAttributes(entries(65));
                    tooMany.add(r);
                } else if (slot == 4) {
                    r.setAttributes(bytes(20 * 1024));
                    tooLarge.add(r);
                } else {
                    r.setAttributes(slot == 2 || slot == 6 ? bytes(15 * 1024) : Map.of("job", "flood"));
                    valid.add(r);
                }
                all.add(r);
            }
        }

        // When they are published as one flood
        pipeline.publish(all);

        // Then every valid request gets exactly one result, COPIED
        await().atMost(Duration.ofSeconds(120)).until(() -> resultsById().keySet().containsAll(ids(valid)));
        Map<String, List<CopyResult>> results = resultsById();
        assertThat(ids(valid)).allSatisfy(id -> assertThat(results.get(id)).singleElement()
                .extracting(CopyResult::getOutcome).isEqualTo(CopyOutcome.COPIED));

        // And every oversized one is dead-lettered with the limit it breaks, gets no result, and nothing else is
        // dead-lettered
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pipeline.deadLetters.size() >= tooMany.size() + tooLarge.size());
        assertThat(pipeline.deadLetters).hasSize(tooMany.size() + tooLarge.size());
        Map<String, String> reasons = deadLetterReasons();
        assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(concat(ids(tooMany), ids(tooLarge)));
        assertThat(ids(tooMany)).allSatisfy(id -> assertThat(reasons.get(id))
                .contains("attributes has 65 entries").contains("at most 64"));
        assertThat(ids(tooLarge)).allSatisfy(id -> assertThat(reasons.get(id))
                .contains("attributes are").contains("at most 16384"));
        assertThat(results.keySet()).doesNotContainAnyElementsOf(reasons.keySet());

        // And the large valid ones went in several batches, each within the encoded bound
        assertThat(pipeline.committedBatches()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(b -> assertThat(
                pipeline.clientTopics.serverSideBatches().valueSerde().serializer().serialize("size", b).length)
                .isLessThanOrEqualTo(MAX_ENCODED));
    }

    private FileSyncRequest request(String name) {
        String key = "flood/" + name + ".dat";
        s3.putObject(b -> b.bucket(source).key(key), RequestBody.fromString(name, StandardCharsets.UTF_8));
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri("s3://" + source + "/" + key).build())
                .setDestination(Destination.newBuilder().setBucket(mirror).setKey(key).build())
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of())
                .build();
    }

    /** {@code count} small attributes. */
    private static Map<String, String> entries(int count) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put("tag" + i, "v");
        }
        return attributes;
    }

    /** Eight attributes whose names and values come to about {@code total} bytes. */
    private static Map<String, String> bytes(int total) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            attributes.put("tag" + i, "x".repeat(total / 8 - 4));
        }
        return attributes;
    }

    /** Request id to the reason in the dead-letter headers, reading each dead letter's original bytes. */
    private Map<String, String> deadLetterReasons() {
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : pipeline.deadLetters) {
            FileSyncRequest request = pipeline.clientTopics.requests().valueSerde().deserializer()
                    .deserialize(r.topic(), r.value());
            reasons.put(request.getRequestId(), new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    StandardCharsets.UTF_8));
        }
        return reasons;
    }

    private Map<String, List<CopyResult>> resultsById() {
        return pipeline.results.stream().collect(Collectors.groupingBy(CopyResult::getRequestId));
    }

    private static List<String> ids(List<FileSyncRequest> requests) {
        return requests.stream().map(FileSyncRequest::getRequestId).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
