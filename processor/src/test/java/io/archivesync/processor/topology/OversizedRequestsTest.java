package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests with large attributes must neither make a batch too large to produce (the stream thread would die on it
 * in a loop) nor take the valid requests around them down with them.
 */
class OversizedRequestsTest {

    private static final int MAX_ENCODED = 64 * 1024;

    private final TopologyFixture t = new TopologyFixture(List.of(
            "processor.batch.maxRequests=100",
            "processor.batch.maxEncodedBytes=" + MAX_ENCODED));

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldBatchValidRequestsAroundOversizedOnesWithinTheEncodedBound() {
        // Given a flood in which every third request carries 20 KiB of attributes (over the 16 KiB limit) and the
        // others nearly 16 KiB each (valid, but four of them already fill a 64 KiB batch)
        List<String> valid = new ArrayList<>();
        int oversized = 0;
        for (int i = 0; i < 30; i++) {
            FileSyncRequest r = TopologyFixture.request("lake", "f" + i + ".zip", "e" + i);
            if (i % 3 == 0) {
                r.setAttributes(attributes(20 * 1024));
                oversized++;
            } else {
                r.setAttributes(attributes(15 * 1024));
                valid.add(r.getRequestId());
            }
            t.send(r);
        }
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then every oversized request is dead-lettered with its reason
        List<TestRecord<String, byte[]>> dead = t.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(oversized).allSatisfy(d -> assertThat(new String(
                d.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains("attributes are").contains("at most 16384"));

        // And every valid one is batched, in batches that each fit the bound once encoded
        List<CopyBatch> batches = t.batches.readValuesToList();
        assertThat(batches).flatExtracting(CopyBatch::getRequests).extracting(FileSyncRequest::getRequestId)
                .containsExactlyElementsOf(valid);
        assertThat(batches).hasSizeGreaterThan(1).allSatisfy(b -> assertThat(
                t.topics.serverSideBatches().valueSerde().serializer().serialize("t", b).length)
                .isLessThanOrEqualTo(MAX_ENCODED));
    }

    private static Map<String, String> attributes(int bytes) {
        Map<String, String> attributes = new HashMap<>();
        int entries = 8;
        for (int i = 0; i < entries; i++) {
            attributes.put("tag" + i, "x".repeat(bytes / entries - 4));
        }
        return attributes;
    }
}
