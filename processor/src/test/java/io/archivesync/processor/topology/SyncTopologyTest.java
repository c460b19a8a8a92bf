package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import io.archivesync.avro.Route;
import io.archivesync.core.topic.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncTopologyTest {

    private final TopologyFixture t = new TopologyFixture(List.of());

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldCloseBatchWhenItReachesMaxRequests() {
        // Given maxRequests=3, when three distinct requests arrive
        t.send(TopologyFixture.request("lake", "a.zip", "e1"));
        t.send(TopologyFixture.request("lake", "b.zip", "e2"));
        assertThat(t.batches.isEmpty()).isTrue();
        t.send(TopologyFixture.request("lake", "c.zip", "e3"));

        // Then exactly one batch of three leaves, for the server-side route
        List<CopyBatch> out = t.batches.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).getRequests()).extracting(r -> r.getDestination().getKey())
                .containsExactly("mirror/a.zip", "mirror/b.zip", "mirror/c.zip");
        assertThat(out.get(0).getRoute()).isEqualTo(Route.SERVER_SIDE);
        assertThat(out.get(0).getDestinationBucket()).isEqualTo("lake");
    }

    @Test
    void shouldCloseBatchAfterMaxWaitOfWallClockTimeWhenQuietCloseIsOff() {
        try (TopologyFixture off = new TopologyFixture(List.of("processor.batch.quietClose=0s"))) {
            // Given one request in an open batch, and no quiet close
            off.send(TopologyFixture.request("lake", "a.zip", "e1"));
            off.driver.advanceWallClockTime(Duration.ofMillis(500));
            assertThat(off.batches.isEmpty()).isTrue();

            // When the wall clock passes maxWait=1s
            off.driver.advanceWallClockTime(Duration.ofMillis(600));

            // Then the batch is flushed with its single request
            assertThat(off.batches.readValuesToList()).singleElement()
                    .satisfies(b -> assertThat(b.getRequests()).hasSize(1));
        }
    }

    @Test
    void shouldDropExactDuplicateWithinHorizon() {
        // Given the same object requested twice with the same source ETag (different request ids)
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.send(first);
        t.send(TopologyFixture.request("lake", "a.zip", "e1"));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then only the first goes to a copier, and the drop is counted
        List<CopyBatch> out = t.batches.readValuesToList();
        assertThat(out).flatExtracting(CopyBatch::getRequests).extracting(FileSyncRequest::getRequestId)
                .containsExactly(first.getRequestId());
        assertThat(droppedDuplicates()).isEqualTo(1.0);
    }

    @Test
    void shouldNotDropRequestAfterSourceChanged() {
        // Given an object requested, then requested again after its source ETag changed
        t.send(TopologyFixture.request("lake", "a.zip", "e1"));
        t.send(TopologyFixture.request("lake", "a.zip", "e2"));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then both requests are batched
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests)
                .extracting(FileSyncRequest::getExpectedEtag).containsExactly("e1", "e2");
    }

    @Test
    void shouldAcceptRepeatAfterHorizonHasPassed() {
        // Given a 24 h horizon and a repeat whose timestamp is 25 h later
        t.send(TopologyFixture.request("lake", "a.zip", "e1"));
        FileSyncRequest later = TopologyFixture.request("lake", "a.zip", "e1");
        t.requests.pipeInput("lake/mirror/a.zip", later, TopologyFixture.START.plus(Duration.ofHours(25)));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then it is copied again
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests).hasSize(2);
    }

    @Test
    void shouldDropRepeatsWithinHorizonAcrossWindowBoundariesAndOutOfOrder() {
        // Given a request an hour before a multiple of the horizon (the store's window boundary)
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.requests.pipeInput("lake/mirror/a.zip", first, TopologyFixture.START.minus(Duration.ofHours(1)));

        // When it is repeated 23 h later (next window) and, out of order, 2 h earlier (same window as the first)
        t.requests.pipeInput("lake/mirror/a.zip", TopologyFixture.request("lake", "a.zip", "e1"),
                TopologyFixture.START.plus(Duration.ofHours(22)));
        t.requests.pipeInput("lake/mirror/a.zip", TopologyFixture.request("lake", "a.zip", "e1"),
                TopologyFixture.START.minus(Duration.ofHours(3)));
        // and a request first seen in the later window is repeated, out of order, from the earlier one
        FileSyncRequest other = TopologyFixture.request("lake", "b.zip", "e1");
        t.requests.pipeInput("lake/mirror/b.zip", other, TopologyFixture.START.plus(Duration.ofHours(2)));
        t.requests.pipeInput("lake/mirror/b.zip", TopologyFixture.request("lake", "b.zip", "e1"),
                TopologyFixture.START.minus(Duration.ofHours(20)));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then only the first of each goes to a copier
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests)
                .extracting(FileSyncRequest::getRequestId)
                .containsExactly(first.getRequestId(), other.getRequestId());
        assertThat(droppedDuplicates()).isEqualTo(3.0);
    }

    @Test
    void shouldAcceptRepeatOneMillisecondPastHorizonAcrossAWindowBoundary() {
        // Given a request an hour before a window boundary
        t.requests.pipeInput("lake/mirror/a.zip", TopologyFixture.request("lake", "a.zip", "e1"),
                TopologyFixture.START.minus(Duration.ofHours(1)));

        // When it is repeated 24 h and 1 ms later
        t.requests.pipeInput("lake/mirror/a.zip", TopologyFixture.request("lake", "a.zip", "e1"),
                TopologyFixture.START.plus(Duration.ofHours(23)).plusMillis(1));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then both are copied
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests).hasSize(2);
        assertThat(droppedDuplicates()).isZero();
    }

    @Test
    void shouldRepartitionOnlyRequestsNotKeyedByTheirDestinationAndDedupAcrossBoth() {
        // Given a request keyed by its destination, as every publisher of ours does
        FileSyncRequest first = TopologyFixture.request("lake", "a.zip", "e1");
        t.send(first);
        assertThat(t.driver.producedTopicNames()).noneMatch(name -> name.contains("requests-by-destination"));

        // When the same object is requested under another key, and a new one with no key at all
        t.requests.pipeInput("some-other-key", TopologyFixture.request("lake", "a.zip", "e1"));
        FileSyncRequest unkeyed = TopologyFixture.request("lake", "b.zip", "e1");
        t.requests.pipeInput((String) null, unkeyed);
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then only those two crossed the repartition topic, the repeat was still dropped, and the new one batched
        assertThat(t.driver.producedTopicNames()).anyMatch(name -> name.contains("requests-by-destination"));
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests)
                .extracting(FileSyncRequest::getRequestId)
                .containsExactly(first.getRequestId(), unkeyed.getRequestId());
        assertThat(droppedDuplicates()).isEqualTo(1.0);
    }

    @Test
    void shouldBatchPerDestinationBucketAndRoute() {
        // Given requests for two buckets and one HTTPS source
        t.send(TopologyFixture.request("lake", "a.zip", "e1"));
        t.send(TopologyFixture.request("other", "a.zip", "e1"));
        FileSyncRequest https = TopologyFixture.request("lake", "b.zip", "e2");
        https.getSource().setUri("https://data.binance.vision/b.zip");
        t.send(https);
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then three batches leave, one per route and bucket, each route on its own topic
        assertThat(t.batches.readValuesToList())
                .extracting(b -> b.getRoute() + "/" + b.getDestinationBucket())
                .containsExactlyInAnyOrder("SERVER_SIDE/lake", "SERVER_SIDE/other");
        assertThat(t.streamingBatches.readValuesToList())
                .extracting(b -> b.getRoute() + "/" + b.getDestinationBucket())
                .containsExactly("STREAMING/lake");
    }

    @Test
    void shouldDeadLetterUnparseableBytesWithOriginalBytesAndReason() {
        // Given bytes that are not a request in the wire format
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        t.rawRequests.pipeInput("k", garbage);

        // Then they land in the dead-letter topic unchanged, with the reason, and nothing is batched
        TestRecord<String, byte[]> dead = t.deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, DeadLetterHeaders.KIND)).isEqualTo("DESERIALIZATION");
        assertThat(header(dead, DeadLetterHeaders.REASON)).startsWith("cannot parse the request");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(t.topics.requests().name());
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(t.batches.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterPathTraversalAndKeepProcessing() {
        // Given a request whose destination key climbs out of its prefix, then a good one
        FileSyncRequest evil = TopologyFixture.request("lake", "a.zip", "e1");
        evil.getDestination().setKey("mirror/../../etc/passwd");
        t.send(evil);
        t.send(TopologyFixture.request("lake", "good.zip", "e1"));
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then the bad one is dead-lettered with the reason and the good one still flows
        TestRecord<String, byte[]> dead = t.deadLetters.readRecord();
        assertThat(header(dead, DeadLetterHeaders.KIND)).isEqualTo("VALIDATION");
        assertThat(header(dead, DeadLetterHeaders.REASON)).contains("'..'");
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests).hasSize(1);
    }

    @Test
    void shouldDeadLetterUnknownMode() {
        FileSyncRequest request = TopologyFixture.request("lake", "a.zip", "e1");
        request.setMode("TELEPORT");
        t.send(request);

        assertThat(header(t.deadLetters.readRecord(), DeadLetterHeaders.REASON)).contains("mode 'TELEPORT'");
    }

    @Test
    void shouldDeadLetterMetadataThatS3WouldRefuseAndPassGoodMetadataOn() {
        // Given a request whose replacement metadata has a name S3 cannot carry in a header, and a good one
        FileSyncRequest bad = TopologyFixture.request("lake", "a.zip", "e1");
        bad.setMetadata(MetadataReplacement.newBuilder().setUserMetadata(Map.of("owner name", "x")).build());
        FileSyncRequest good = TopologyFixture.request("lake", "b.zip", "e1");
        good.setMetadata(MetadataReplacement.newBuilder().setContentType("application/zip")
                .setUserMetadata(Map.of("owner", "data-team")).build());
        t.send(bad);
        t.send(good);
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));

        // Then the bad one is dead-lettered with the reason, the good one is batched with its metadata intact
        assertThat(header(t.deadLetters.readRecord(), DeadLetterHeaders.REASON))
                .contains("metadata.userMetadata name 'owner name'");
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests).singleElement()
                .satisfies(r -> assertThat(r.getMetadata()).isEqualTo(good.getMetadata()));
    }

    private double droppedDuplicates() {
        return t.driver.metrics().values().stream()
                .filter(m -> m.metricName().name().equals("dropped-duplicates-total"))
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
                .sum();
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
