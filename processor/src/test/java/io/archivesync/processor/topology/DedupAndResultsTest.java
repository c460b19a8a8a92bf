package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.RequestAttributes;
import io.archivesync.processor.dedup.DroppedRepeats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dedup next to the latest results: what it drops, what it lets through, and what it tells about a drop. */
class DedupAndResultsTest {

    private final TopologyFixture t = new TopologyFixture(List.of());

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldCopyARepeatOfARequestThatFailed() {
        // Given a request whose copy failed (the destination bucket did not exist yet)
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.send(first);
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));
        t.publishResult(TopologyFixture.result(first, CopyOutcome.FAILED_NOT_FOUND, 0, 1));

        // When the publisher asks again within the horizon
        FileSyncRequest again = TopologyFixture.request("lake", "a.zip", "e1");
        t.send(again);
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then the repeat is copied, and nothing is counted as dropped
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests)
                .extracting(FileSyncRequest::getRequestId)
                .containsExactly(first.getRequestId(), again.getRequestId());
        assertThat(droppedDuplicates()).isZero();
    }

    @Test
    void shouldDropRepeatsWhileInFlightAndAfterAGoodEndAndRecordThemPerDestination() {
        // Given a request in flight, repeated
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.send(first);
        FileSyncRequest inFlightRepeat = TopologyFixture.request("lake", "a.zip", "e1");
        t.send(inFlightRepeat);

        // When it ends good and is repeated again
        t.publishResult(TopologyFixture.result(first, CopyOutcome.COPIED, 100, 1));
        FileSyncRequest lateRepeat = TopologyFixture.request("lake", "a.zip", "e1");
        t.send(lateRepeat);
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then both repeats are dropped, and the repeats store says how many, which one last, and of which request
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests)
                .extracting(FileSyncRequest::getRequestId).containsExactly(first.getRequestId());
        assertThat(droppedDuplicates()).isEqualTo(2.0);
        assertThat(repeats("lake/mirror/a.zip")).satisfies(r -> {
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.lastRequestId()).isEqualTo(lateRepeat.getRequestId());
            assertThat(r.repeatOf()).isEqualTo(first.getRequestId());
        });
    }

    @Test
    void shouldHandTheCurrentSourceEtagOfAGoodCopyToAnUnversionedRequest() {
        // Given good copies of a.zip and b.zip from source ETag e1, and an unverified copy of c.zip
        FileSyncRequest a = unversioned("a.zip");
        FileSyncRequest b = unversioned("b.zip");
        FileSyncRequest c = unversioned("c.zip");
        t.publishResult(withSourceEtag(TopologyFixture.result(a, CopyOutcome.COPIED, 100, 1), "e1"));
        t.publishResult(withSourceEtag(TopologyFixture.result(b, CopyOutcome.SKIPPED_CURRENT, 100, 1), "e1"));
        t.publishResult(withSourceEtag(TopologyFixture.result(c, CopyOutcome.COPIED_UNVERIFIED, 100, 1), "e1"));

        // When generated requests (no size, no ETag) ask for them again, b.zip from another source
        FileSyncRequest againA = unversioned("a.zip");
        FileSyncRequest againB = unversioned("b.zip");
        againB.getSource().setUri("s3://elsewhere/b.zip");
        FileSyncRequest againC = unversioned("c.zip");
        t.requests.pipeInput("lake/mirror/a.zip", againA, TopologyFixture.START.plus(Duration.ofHours(30)));
        t.requests.pipeInput("lake/mirror/b.zip", againB, TopologyFixture.START.plus(Duration.ofHours(30)));
        t.requests.pipeInput("lake/mirror/c.zip", againC, TopologyFixture.START.plus(Duration.ofHours(30)));

        // Then they are batched (never answered from the table), and only a.zip's carries the current source ETag
        assertThat(t.batches.readValuesToList()).singleElement().satisfies(batch -> {
            assertThat(batch.getRequests()).hasSize(3);
            assertThat(batch.getCurrentSourceEtags()).containsExactly(Map.entry(againA.getRequestId(), "e1"));
        });
    }

    @Test
    void shouldTellANewDeleteOfAKeyFromARedeliveredOne() {
        // Given a delete propagated from an S3 event, then the same event redelivered, then a later delete event
        FileSyncRequest first = delete("0055AED6DCD90281E5");
        FileSyncRequest redelivered = delete("0055AED6DCD90281E5");
        FileSyncRequest later = delete("0055AED6DCD90281F9");
        t.send(first);
        t.send(redelivered);
        t.send(later);
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then the redelivery is dropped and the later delete is not
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests)
                .extracting(FileSyncRequest::getRequestId)
                .containsExactly(first.getRequestId(), later.getRequestId());
        assertThat(droppedDuplicates()).isEqualTo(1.0);
    }

    private static FileSyncRequest unversioned(String key) {
        FileSyncRequest r = TopologyFixture.request("lake", key, null);
        r.setExpectedSize(null);
        return r;
    }

    private static CopyResult withSourceEtag(CopyResult r, String etag) {
        r.setSourceEtag(etag);
        return r;
    }

    private static FileSyncRequest delete(String sequencer) {
        FileSyncRequest r = unversioned("gone.zip");
        r.setAttributes(Map.of(RequestAttributes.ACTION, RequestAttributes.ACTION_DELETE,
                RequestAttributes.SOURCE_SEQUENCER, sequencer));
        return r;
    }

    private DroppedRepeats repeats(String destination) {
        WindowStore<String, DroppedRepeats> store = t.driver.getWindowStore(SyncTopology.REPEATS_STORE);
        DroppedRepeats all = null;
        try (WindowStoreIterator<DroppedRepeats> it = store.fetch(destination, Instant.EPOCH,
                TopologyFixture.START.plus(Duration.ofDays(3)))) {
            while (it.hasNext()) {
                DroppedRepeats r = it.next().value;
                all = all == null ? r : all.merge(r);
            }
        }
        return all;
    }

    private double droppedDuplicates() {
        return t.driver.metrics().values().stream()
                .filter(m -> m.metricName().name().equals("dropped-duplicates-total"))
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
                .sum();
    }
}
