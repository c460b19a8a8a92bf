package io.archivesync.producer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.ArchiveCoordinates;
import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.archive.BinanceCatalog;
import io.archivesync.core.config.ProducerSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generate strategy against the archive's layout as BINANCE.md describes it. */
class KeyPlannerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldBuildDailySpotKlineKeysWithSidecarsDayByDay() {
        // Given
        ProducerSettings settings = PlanConfigs.generate("producer.symbols=[BTCUSDT]", "producer.to=2024-01-02");

        // When / Then
        assertThat(plan(settings)).containsExactly(
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip.CHECKSUM",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip.CHECKSUM");
    }

    @Test
    void shouldBuildTheOptionLayoutOfBinanceDocumentation() {
        // Given the example key of BINANCE.md
        ProducerSettings settings = PlanConfigs.generate("producer.markets=[option]", "producer.dataTypes=[BVOLIndex]",
                "producer.symbols=[BTCBVOLUSDT]", "producer.from=2023-09-25", "producer.to=2023-09-25",
                "producer.includeChecksums=false");

        // When / Then
        assertThat(plan(settings))
                .containsExactly("data/option/daily/BVOLIndex/BTCBVOLUSDT/BTCBVOLUSDT-BVOLIndex-2023-09-25.zip");
    }

    @Test
    void shouldBuildFundingRateMonthlyOnly() {
        // Given both frequencies
        ProducerSettings settings = PlanConfigs.generate("producer.markets=[futures/um]",
                "producer.dataTypes=[fundingRate]", "producer.symbols=[BTCUSDT]", "producer.frequency=[daily, monthly]",
                "producer.from=2024-01-15", "producer.to=2024-02-03", "producer.includeChecksums=false");

        // When / Then: no daily file, and both months that overlap the range
        assertThat(plan(settings)).containsExactly(
                "data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip",
                "data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-02.zip");
    }

    @Test
    void shouldBuildDailyFilesOnlyForIntervalsUpToOneDay() {
        // Given intervals on both sides of 1d
        ProducerSettings settings = PlanConfigs.generate("producer.markets=[futures/cm]",
                "producer.dataTypes=[markPriceKlines]", "producer.symbols=[BTCUSD_PERP]",
                "producer.intervals=[1d, 3d, 1w, 1mo]", "producer.frequency=[daily, monthly]",
                "producer.includeChecksums=false");

        // When / Then
        assertThat(plan(settings)).containsExactly(
                "data/futures/cm/daily/markPriceKlines/BTCUSD_PERP/1d/BTCUSD_PERP-1d-2024-01-01.zip",
                "data/futures/cm/monthly/markPriceKlines/BTCUSD_PERP/1d/BTCUSD_PERP-1d-2024-01.zip",
                "data/futures/cm/monthly/markPriceKlines/BTCUSD_PERP/3d/BTCUSD_PERP-3d-2024-01.zip",
                "data/futures/cm/monthly/markPriceKlines/BTCUSD_PERP/1w/BTCUSD_PERP-1w-2024-01.zip",
                "data/futures/cm/monthly/markPriceKlines/BTCUSD_PERP/1mo/BTCUSD_PERP-1mo-2024-01.zip");
    }

    @Test
    void shouldSkipDataTypesTheMarketDoesNotPublish() {
        // Given spot with a futures-only data type
        ProducerSettings settings = PlanConfigs.generate("producer.markets=[spot, futures/um]",
                "producer.dataTypes=[metrics]", "producer.symbols=[BTCUSDT]", "producer.includeChecksums=false");

        // When / Then
        assertThat(plan(settings)).containsExactly(
                "data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-01-01.zip");
    }

    static Stream<Arguments> everyPublishedCombination() {
        List<Arguments> all = new ArrayList<>();
        for (String market : BinanceCatalog.MARKETS) {
            for (String frequency : BinanceCatalog.FREQUENCIES) {
                for (String dataType : BinanceCatalog.dataTypes(market)) {
                    if (BinanceCatalog.publishes(market, frequency, dataType)) {
                        all.add(Arguments.of(market, frequency, dataType));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPublishedCombination")
    void shouldBuildKeysThatReadBackAsTheirCoordinates(String market, String frequency, String dataType) {
        // Given one symbol, every interval, one day
        ProducerSettings settings = PlanConfigs.generate("producer.markets=[" + market + "]",
                "producer.frequency=" + frequency, "producer.dataTypes=[" + dataType + "]",
                "producer.symbols=[XYZUSDT]", "producer.intervals=" + BinanceCatalog.INTERVALS);

        // When
        List<String> keys = plan(settings);

        // Then every key follows the layout and names what was asked for; kline types get one folder per interval
        int intervals = !ArchiveLayout.hasInterval(dataType) ? 1 : frequency.equals("daily") ? 13 : 16;
        assertThat(keys).hasSize(2 * intervals);
        for (String key : keys) {
            ArchiveCoordinates c = ArchiveLayout.parse(key).orElseThrow(() -> new AssertionError(key));
            assertThat(c.getMarket()).isEqualTo(market);
            assertThat(c.getFrequency()).isEqualTo(frequency);
            assertThat(c.getDataType()).isEqualTo(dataType);
            assertThat(c.getSymbol()).isEqualTo("XYZUSDT");
            assertThat(c.getDate()).isEqualTo(frequency.equals("daily") ? "2024-01-01" : "2024-01");
            assertThat(c.getSidecar()).isEqualTo(key.endsWith(".CHECKSUM"));
            assertThat(key).startsWith("data/" + market + "/" + frequency + "/" + dataType + "/XYZUSDT/");
        }
    }

    @Test
    void shouldEndAnOpenRangeYesterdayForDailyAndLastMonthForMonthlyFiles() {
        // Given no end date; the clock says 2024-03-10
        ProducerSettings settings = PlanConfigs.generate("producer.symbols=[BTCUSDT]",
                "producer.frequency=[daily, monthly]", "producer.includeChecksums=false",
                "producer.to=null", "producer.from=2024-02-28");

        // When
        List<String> keys = plan(settings);

        // Then the last daily file is 2024-03-09 and the last monthly one 2024-02
        assertThat(keys).filteredOn(k -> k.contains("/daily/")).hasSize(11)
                .last().asString().endsWith("-2024-03-09.zip");
        assertThat(keys).filteredOn(k -> k.contains("/monthly/"))
                .containsExactly("data/spot/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-02.zip");
    }

    @Test
    void shouldApplyIncludeAndExcludePatterns() {
        // Given two symbols, a glob include and a regex exclude
        ProducerSettings settings = PlanConfigs.generate("producer.symbols=[BTCUSDT, ETHUSDT]",
                "producer.to=2024-01-03", "producer.include=[\"data/spot/daily/klines/BTC*/**\"]",
                "producer.exclude=[\"regex:.*-2024-01-02\\\\.zip.*\"]");

        // When / Then
        assertThat(plan(settings)).containsExactly(
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip.CHECKSUM",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-03.zip",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-03.zip.CHECKSUM");
    }

    @Test
    void shouldStreamAPlanOfAMillionKeysWithoutHoldingThem() {
        // Given 250 symbols x 2 intervals x 1,000 days x (zip + sidecar) = 1,000,000 keys
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            symbols.add("S" + i + "USDT");
        }
        ProducerSettings settings = PlanConfigs.generate("producer.intervals=[1m, 1h]", "producer.to=2026-09-26");
        KeyPlanner planner = new KeyPlanner(settings, SymbolSource.fixed(symbols), CLOCK);
        long[] seen = {0};
        String[] last = {null};

        // When each key is only counted
        long planned = planner.plan(o -> {
            seen[0]++;
            last[0] = o.key();
        });

        // Then
        assertThat(planned).isEqualTo(1_000_000L).isEqualTo(seen[0]);
        assertThat(last[0]).isEqualTo("data/spot/daily/klines/S249USDT/1h/S249USDT-1h-2026-09-26.zip.CHECKSUM");
    }

    private static List<String> plan(ProducerSettings settings) {
        List<String> keys = new ArrayList<>();
        long n = new KeyPlanner(settings, SymbolSource.fixed(settings.symbols()), CLOCK)
                .plan(o -> keys.add(o.key()));
        assertThat(n).isEqualTo(keys.size());
        return keys;
    }
}
