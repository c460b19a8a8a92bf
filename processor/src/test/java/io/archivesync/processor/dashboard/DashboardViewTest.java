package io.archivesync.processor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.ArchiveCoordinates;
import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.EfficiencyAggregate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

    private static final long NOW = 1_700_000_000_000L;
    private final DashboardView view = new DashboardView(Instant.ofEpochMilli(NOW), "USD", 2);

    @Test
    void shouldCountOutcomesAndRatesPerMethodFromResults() {
        // Given three copies in one second and a failure
        for (int i = 0; i < 3; i++) {
            view.onResult(result(CopyOutcome.COPIED, CopyMethod.SERVER_SIDE, 1000, null), NOW);
        }
        view.onResult(result(CopyOutcome.FAILED_NOT_FOUND, CopyMethod.NONE, 0, "no such key"), NOW);

        // When the view is taken in the next second
        Map<String, Object> s = view.snapshot(NOW + 1000);

        // Then every outcome has a count, and the rate is averaged over the rate window
        assertThat(s.get("outcomes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("COPIED", 3L).containsEntry("FAILED_NOT_FOUND", 1L).containsEntry("DELETED", 0L);
        assertThat(rows(s, "rates")).anySatisfy(r -> {
            assertThat(r).containsEntry("method", "SERVER_SIDE");
            assertThat(r.get("objectsPerSecond")).isEqualTo(3.0 / Rates.SECONDS);
            assertThat(r.get("bytesPerSecond")).isEqualTo(3000.0 / Rates.SECONDS);
        });
        assertThat(rows(s, "failures")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("reason", "no such key"));
        assertThat(s).containsEntry("adaptiveLimit", null);
    }

    @Test
    void shouldKeepOnlyTheLatestFailuresAndDeadLetters() {
        // Given more failures and dead letters than it keeps (2)
        for (int i = 0; i < 5; i++) {
            view.onResult(result(CopyOutcome.FAILED_ACCESS, CopyMethod.NONE, 0, "denied " + i), NOW);
            view.onDeadLetter(i % 2 == 0 ? "VALIDATION" : "DESERIALIZATION", "bad " + i, NOW);
        }

        Map<String, Object> s = view.snapshot(NOW);

        // Then the newest come first, and the dead letters are all counted by kind
        assertThat(rows(s, "failures")).extracting(f -> f.get("reason")).containsExactly("denied 4", "denied 3");
        @SuppressWarnings("unchecked")
        Map<String, Object> dlq = (Map<String, Object>) s.get("deadLetters");
        assertThat(dlq).containsEntry("total", 5L);
        assertThat(dlq.get("byKind")).isEqualTo(Map.of("VALIDATION", 3L, "DESERIALIZATION", 2L));
    }

    @Test
    void shouldSumTheLatestTotalPerGroupAndBreakThemDownByMarket() {
        // Given two updates of one group's running total (the later replaces the earlier), another market's total,
        // and a window aggregate (left out: totals already hold everything)
        view.onAggregate("spot|klines|SERVER_SIDE", total("spot", 1, 10, 2));
        view.onAggregate("spot|klines|SERVER_SIDE", total("spot", 3, 30, 6));
        view.onAggregate("futures/um|klines|SERVER_SIDE", total("futures/um", 1, 10, 2));
        EfficiencyAggregate window = total("spot", 100, 1000, 200);
        window.setWindowStart(Instant.ofEpochMilli(NOW));
        view.onAggregate("spot|klines|SERVER_SIDE|" + NOW, window);

        Map<String, Object> s = view.snapshot(NOW);

        // Then the sums and the rates are over the latest totals only
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) s.get("efficiency");
        assertThat(e).containsEntry("copied", 4L).containsEntry("requestsSaved", 4L)
                .containsEntry("baselineRequests", 8L).containsEntry("efficiencyImprovement", 0.5)
                .containsEntry("successRate", 1.0);
        assertThat(rows(s, "byMarket")).extracting(m -> m.get("name"), m -> m.get("copied"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("futures/um", 1L),
                        org.assertj.core.groups.Tuple.tuple("spot", 3L));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> snapshot, String name) {
        return (List<Map<String, Object>>) snapshot.get(name);
    }

    private static EfficiencyAggregate total(String market, long copied, long bytes, long baseline) {
        return EfficiencyAggregate.newBuilder().setMarket(market).setDataType("klines")
                .setMethod(CopyMethod.SERVER_SIDE).setCopied(copied).setBytes(bytes)
                .setBaselineRequests(baseline).setRequestsSavedVsDownloadUpload(baseline / 2).build();
    }

    private static CopyResult result(CopyOutcome outcome, CopyMethod method, long bytes, String error) {
        return CopyResult.newBuilder()
                .setRequestId("r")
                .setSourceUri("s3://src/a.zip")
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("a.zip").build())
                .setArchive(ArchiveCoordinates.newBuilder().setMarket("spot").setFrequency("daily")
                        .setDataType("klines").setSymbol("BTCUSDT").setDate("2024-01-01").build())
                .setOutcome(outcome)
                .setMethod(method)
                .setMethodReason("test")
                .setBytes(bytes)
                .setErrorMessage(error)
                .setCompletedAt(Instant.ofEpochMilli(NOW))
                .build();
    }
}
