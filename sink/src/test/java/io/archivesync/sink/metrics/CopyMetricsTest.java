package io.archivesync.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.Verification;
import io.archivesync.avro.VerificationMethod;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CopyMetrics metrics = new CopyMetrics(registry);

    @Test
    void shouldCountEachResultByOutcomeAndMethodWithItsBytesRequestsAndRetries() {
        // Given two server-side copies (one retried twice), a streamed fallback and a skip
        metrics.record(result(CopyOutcome.COPIED, CopyMethod.SERVER_SIDE, "AUTO: same endpoint", 1000, 0, 1, 3, 120));
        metrics.record(result(CopyOutcome.COPIED, CopyMethod.SERVER_SIDE, "AUTO: same endpoint", 500, 0, 3, 5, 40));
        metrics.record(result(CopyOutcome.COPIED, CopyMethod.STREAMED,
                "AUTO: refused (AccessDenied); fell back to streaming", 2000, 2000, 1, 4, 900));
        metrics.record(result(CopyOutcome.SKIPPED_CURRENT, CopyMethod.NONE, "current", 0, 0, 1, 1, 3));

        // When Prometheus scrapes
        String scrape = registry.scrape();

        // Then each counter says what the results say, under Prometheus names with units and _total
        assertThat(scrape)
                .contains("archivesync_copies_total{method=\"SERVER_SIDE\",outcome=\"COPIED\"} 2.0")
                .contains("archivesync_copies_total{method=\"STREAMED\",outcome=\"COPIED\"} 1.0")
                .contains("archivesync_copies_total{method=\"NONE\",outcome=\"SKIPPED_CURRENT\"} 1.0")
                .contains("archivesync_copy_bytes_total{method=\"SERVER_SIDE\"} 1500.0")
                .contains("archivesync_copy_through_copier_bytes_total{method=\"STREAMED\"} 2000.0")
                .contains("archivesync_storage_requests_total{method=\"SERVER_SIDE\"} 8.0")
                .contains("archivesync_copy_retries_total{method=\"SERVER_SIDE\"} 2.0")
                .contains("archivesync_copy_fallbacks_total{method=\"STREAMED\"} 1.0")
                .contains("archivesync_verifications_total{method=\"ETAG\",verified=\"true\"} 3.0")
                .contains("archivesync_copy_duration_seconds_count{method=\"SERVER_SIDE\"} 2")
                .contains("archivesync_copy_duration_seconds_bucket{method=\"SERVER_SIDE\",le=\"0.05\"} 1")
                .contains("archivesync_copy_duration_seconds_bucket{method=\"SERVER_SIDE\",le=\"0.25\"} 2");
        assertThat(scrape).doesNotContain("archivesync_copy_fallbacks_total{method=\"SERVER_SIDE\"}");
    }

    private static CopyResult result(CopyOutcome outcome, CopyMethod method, String reason, long bytes,
                                      long throughCopier, int attempts, int requests, long millis) {
        return CopyResult.newBuilder()
                .setRequestId("r-" + bytes + "-" + attempts)
                .setSourceUri("s3://src/k")
                .setDestination(Destination.newBuilder().setBucket("dst").setKey("k").build())
                .setOutcome(outcome)
                .setMethod(method)
                .setMethodReason(reason)
                .setBytes(bytes)
                .setBytesThroughCopier(throughCopier)
                .setAttempts(attempts)
                .setStorageRequests(requests)
                .setDurationMillis(millis)
                .setVerification(outcome == CopyOutcome.COPIED ? Verification.newBuilder()
                        .setMethod(VerificationMethod.ETAG).setVerified(true).build() : null)
                .setCompletedAt(Instant.now())
                .build();
    }
}
