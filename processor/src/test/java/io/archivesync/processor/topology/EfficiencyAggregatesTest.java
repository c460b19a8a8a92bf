package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.FileSyncRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EfficiencyAggregatesTest {

    private final TopologyFixture t = new TopologyFixture(List.of("processor.aggregateWindow=1m"));

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldCountOutcomesBytesAndRequestsSavedPerMarketTypeAndMethod() {
        // Given two server-side copies of 1 MB (1 request each) and one 20 MiB copy
        FileSyncRequest a = TopologyFixture.request("lake", "a.zip", "e1");
        FileSyncRequest b = TopologyFixture.request("lake", "b.zip", "e2");
        FileSyncRequest c = TopologyFixture.request("lake", "c.zip", "e3");
        t.publishResult(TopologyFixture.result(a, CopyOutcome.COPIED, 1_000_000, 1));
        t.publishResult(TopologyFixture.result(b, CopyOutcome.COPIED, 1_000_000, 1));
        t.publishResult(TopologyFixture.result(c, CopyOutcome.COPIED, 20L * 1024 * 1024, 5));

        // Then the running total for spot/klines/SERVER_SIDE says 3 copied, all bytes, none through the copier,
        // and the requests a download-then-upload would have needed beyond ours: (2-1) + (2-1) + (3+3-5) = 3
        Map<String, EfficiencyAggregate> latest = t.aggregates.readKeyValuesToMap();
        EfficiencyAggregate total = latest.get("spot|klines|SERVER_SIDE");
        assertThat(total.getWindowStart()).isNull();
        assertThat(total.getCopied()).isEqualTo(3);
        assertThat(total.getBytes()).isEqualTo(2_000_000 + 20L * 1024 * 1024);
        assertThat(total.getBytesThroughCopier()).isZero();
        assertThat(total.getStorageRequests()).isEqualTo(7);
        assertThat(total.getRequestsSavedVsDownloadUpload()).isEqualTo(3);
        assertThat(total.getMethod()).isEqualTo(CopyMethod.SERVER_SIDE);
        assertThat(total.getThroughputBytesPerSecond()).isGreaterThan(0);
        // And the figures against download-then-upload: 2 + 2 + 6 baseline requests, every byte kept off the
        // copier's network (down and up), all three good, and a saving priced by the default table
        assertThat(total.getBaselineRequests()).isEqualTo(10);
        assertThat(total.getEfficiencyImprovement()).isEqualTo(0.3);
        assertThat(total.getBaselineTransferBytes()).isEqualTo(2 * total.getBytes());
        assertThat(total.getNetworkTransferReduction()).isEqualTo(1.0);
        assertThat(total.getSuccessRate()).isEqualTo(1.0);
        assertThat(total.getFallbacks()).isZero();
        assertThat(total.getEstimatedCostSaved()).isGreaterThan(0.0);

        // And the one-minute window holds the same counts, with its bounds and bytes per second of window
        EfficiencyAggregate window = latest.entrySet().stream()
                .filter(e -> e.getKey().startsWith("spot|klines|SERVER_SIDE|"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(window.getCopied()).isEqualTo(3);
        assertThat(window.getWindowEnd().toEpochMilli() - window.getWindowStart().toEpochMilli()).isEqualTo(60_000);
        assertThat(window.getThroughputBytesPerSecond()).isEqualTo(window.getBytes() / 60.0);
    }

    @Test
    void shouldKeepFailuresAndSkipsApartFromCopies() {
        FileSyncRequest a = TopologyFixture.request("lake", "a.zip", "e1");
        FileSyncRequest b = TopologyFixture.request("lake", "b.zip", "e2");
        t.publishResult(TopologyFixture.result(a, CopyOutcome.FAILED_NOT_FOUND, 0, 1));
        t.publishResult(TopologyFixture.result(b, CopyOutcome.SKIPPED_CURRENT, 500, 0));

        EfficiencyAggregate none = t.aggregates.readKeyValuesToMap().get("spot|klines|NONE");
        assertThat(none.getFailed()).isEqualTo(1);
        assertThat(none.getSkipped()).isEqualTo(1);
        assertThat(none.getCopied()).isZero();
        assertThat(none.getRequestsSavedVsDownloadUpload()).isEqualTo(2);
    }
}
