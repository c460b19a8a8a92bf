package io.archivesync.processor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.core.config.PriceSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EfficiencyTest {

    private static final PriceSettings PRICES = new PriceSettings("USD", 5.0, 0.4, 90.0);
    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void shouldCountAGetAndAPutForAnObjectUpToOnePart() {
        assertThat(Efficiency.baselineRequests(0)).isEqualTo(2);
        assertThat(Efficiency.baselineRequests(Efficiency.PART_SIZE)).isEqualTo(2);
    }

    @Test
    void shouldCountMultipartUploadRequestsAboveOnePart() {
        // GET + CreateMultipartUpload + 2 UploadPart + CompleteMultipartUpload
        assertThat(Efficiency.baselineRequests(Efficiency.PART_SIZE + 1)).isEqualTo(5);
        // 1 GiB in 8 MiB parts: 128 parts
        assertThat(Efficiency.baselineRequests(1024L * 1024 * 1024)).isEqualTo(131);
    }

    @Test
    void shouldGiveNoThroughputWithoutTime() {
        assertThat(Efficiency.throughput(1000, 0)).isZero();
        assertThat(Efficiency.throughput(1000, 500)).isEqualTo(2000.0);
    }

    @Test
    void shouldSaveEveryTransferredByteAndMostRequestsOnAServerSideCopy() {
        // Given a 1 GiB object copied server-side in 3 requests (a CopyObject and two reads)
        EfficiencyAggregate a = Efficiency.add(result(CopyOutcome.COPIED, CopyMethod.SERVER_SIDE, GIB, 0, 3, false),
                Efficiency.empty(), PRICES);

        // Then the baseline is 131 requests and 2 GiB over the copier's network, none of which we moved
        assertThat(a.getBaselineRequests()).isEqualTo(131);
        assertThat(a.getRequestsSavedVsDownloadUpload()).isEqualTo(128);
        assertThat(a.getEfficiencyImprovement()).isCloseTo(128 / 131.0, within(1e-9));
        assertThat(a.getBaselineTransferBytes()).isEqualTo(2 * GIB);
        assertThat(a.getTransferBytesSavedVsDownloadUpload()).isEqualTo(2 * GIB);
        assertThat(a.getNetworkTransferReduction()).isEqualTo(1.0);
        // And the saving is 1 read + 130 writes + 1 GiB of egress, minus our 3 requests priced as writes
        double expected = 0.4 / 1000 + 130 * 5.0 / 1000 + 90.0 - 3 * 5.0 / 1000;
        assertThat(a.getEstimatedCostSaved()).isCloseTo(expected, within(1e-9));
        assertThat(a.getSuccessRate()).isEqualTo(1.0);
    }

    @Test
    void shouldCountAStreamedFallbackThatSavesNoTransfer() {
        // Given an object the storage refused to copy server-side, streamed instead (down and up, as the baseline)
        EfficiencyAggregate a = Efficiency.add(result(CopyOutcome.COPIED, CopyMethod.STREAMED, 1000, 1000, 2, true),
                Efficiency.empty(), PRICES);

        // Then it counts as a fallback, and nothing of the network transfer is saved
        assertThat(a.getFallbacks()).isEqualTo(1);
        assertThat(a.getTransferBytesSavedVsDownloadUpload()).isZero();
        assertThat(a.getNetworkTransferReduction()).isZero();
    }

    @Test
    void shouldRateSuccessOverGoodUnverifiedAndFailedButNotDeletes() {
        // Given one copy, one skip, one unverified copy, one failure and one propagated delete
        EfficiencyAggregate a = Efficiency.empty();
        for (CopyOutcome o : new CopyOutcome[] {CopyOutcome.COPIED, CopyOutcome.SKIPPED_CURRENT,
                CopyOutcome.COPIED_UNVERIFIED, CopyOutcome.FAILED_ACCESS, CopyOutcome.DELETED}) {
            a = Efficiency.add(result(o, CopyMethod.SERVER_SIDE, 100, 0, 1, false), a, PRICES);
        }

        // Then two of four count as success, and the delete is counted apart
        assertThat(a.getSuccessRate()).isEqualTo(0.5);
        assertThat(a.getDeleted()).isEqualTo(1);
        assertThat(a.getFailed()).isEqualTo(1);
        // And only the copy and the skip are measured against the baseline
        assertThat(a.getBaselineRequests()).isEqualTo(4);
    }

    @Test
    void shouldGiveZeroRatesBeforeAnyResult() {
        assertThat(Efficiency.ratio(5, 0)).isZero();
        assertThat(Efficiency.empty().getSuccessRate()).isZero();
    }

    private static CopyResult result(CopyOutcome outcome, CopyMethod method, long bytes, long throughCopier,
                                     int requests, boolean fellBack) {
        return CopyResult.newBuilder()
                .setRequestId("r")
                .setSourceUri("s3://src/a.zip")
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("a.zip").build())
                .setOutcome(outcome)
                .setMethod(method)
                .setMethodReason("test")
                .setBytes(bytes)
                .setBytesThroughCopier(throughCopier)
                .setStorageRequests(requests)
                .setFellBack(fellBack)
                .setCompletedAt(Instant.EPOCH)
                .build();
    }
}
