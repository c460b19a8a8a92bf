package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MirroredAndDrainTest {

    private final TopologyFixture t = new TopologyFixture(List.of("processor.allowedDestinations=[lake/mirror/]"));

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldAnswerAlreadyMirroredVersionWithSkippedResultAndNoBatch() {
        // Given the table knows a COPIED result for a.zip at ETag e1
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.publishResult(TopologyFixture.result(first, CopyOutcome.COPIED, 100, 1));
        t.results.readValuesToList();

        // When the same version is requested after the dedup horizon
        FileSyncRequest again = TopologyFixture.request("lake", "a.zip", "e1");
        t.requests.pipeInput("lake/mirror/a.zip", again, TopologyFixture.START.plus(Duration.ofHours(30)));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then the topology answers SKIPPED_CURRENT by itself, with no storage request, and batches nothing
        List<CopyResult> out = t.results.readValuesToList();
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.getRequestId()).isEqualTo(again.getRequestId());
            assertThat(r.getOutcome()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
            assertThat(r.getStorageRequests()).isZero();
            assertThat(r.getMethodReason()).contains("already mirrored");
        });
        assertThat(t.batches.isEmpty()).isTrue();
    }

    @Test
    void shouldCopyAgainWhenTheSourceVersionChanged() {
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.publishResult(TopologyFixture.result(first, CopyOutcome.COPIED, 100, 1));

        t.send(TopologyFixture.request("lake", "a.zip", "e2"));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests)
                .extracting(FileSyncRequest::getExpectedEtag).containsExactly("e2");
    }

    @Test
    void shouldCopyAgainWhenTheLatestResultFailed() {
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.publishResult(TopologyFixture.result(first, CopyOutcome.FAILED_CHECKSUM, 100, 2));

        t.requests.pipeInput("lake/mirror/a.zip", TopologyFixture.request("lake", "a.zip", "e1"),
                TopologyFixture.START.plus(Duration.ofHours(30)));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests).hasSize(1);
    }

    @Test
    void shouldDeadLetterDestinationOutsideAllowedPrefixes() {
        FileSyncRequest outside = TopologyFixture.request("other-bucket", "a.zip", "e1");
        t.send(outside);

        TestRecord<String, byte[]> dead = t.deadLetters.readRecord();
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains("outside processor.allowedDestinations");
    }

    @Test
    void shouldFlushOpenBatchesWhenDrainedBeforeTheirTime() {
        try (TopologyFixture off = new TopologyFixture(List.of("processor.batch.quietClose=0s"))) {
            // Given an open batch far from its 1 s maxWait, and no quiet close
            off.send(TopologyFixture.request("lake", "a.zip", "e1"));
            off.driver.advanceWallClockTime(Duration.ofMillis(300));
            assertThat(off.batches.isEmpty()).isTrue();

            // When the instance drains before stopping
            off.drain.request();
            off.driver.advanceWallClockTime(Duration.ofMillis(300));

            // Then the batch leaves at the next tick
            assertThat(off.batches.readValuesToList()).singleElement()
                    .satisfies(b -> assertThat(b.getRequests()).hasSize(1));
        }
    }

    @Test
    void shouldSkipUnreadableResultAndKeepGoing() {
        // Given poison bytes on the results topic, then a good request
        t.rawResultsIn.pipeInput("lake/mirror/x.zip", "poison".getBytes(StandardCharsets.UTF_8));
        t.send(TopologyFixture.request("lake", "a.zip", "e1"));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then the stream thread survives and the request still flows (the poison result is logged and skipped,
        // never written to the requests' dead-letter topic: see DeserializationFaultHandler)
        assertThat(t.batches.readValuesToList()).hasSize(1);
    }
}
