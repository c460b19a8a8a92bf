package io.archivesync.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.ArchiveCoordinates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveLayoutTest {

    @Test
    void shouldParseSpotDailyKlines() {
        // Given / When
        ArchiveCoordinates c = ArchiveLayout.parse("data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip")
                .orElseThrow();

        // Then
        assertThat(c).isEqualTo(coordinates("spot", "daily", "klines", "BTCUSDT", "1m", "2024-01-02", false));
    }

    @Test
    void shouldParseFuturesMonthlyAggTradesWithoutInterval() {
        // Given / When
        ArchiveCoordinates c = ArchiveLayout
                .parse("data/futures/um/monthly/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01.zip").orElseThrow();

        // Then
        assertThat(c).isEqualTo(coordinates("futures/um", "monthly", "aggTrades", "BTCUSDT", null, "2024-01", false));
    }

    @Test
    void shouldMarkAChecksumSidecar() {
        // Given / When
        ArchiveCoordinates c = ArchiveLayout
                .parse("data/futures/cm/daily/markPriceKlines/BTCUSD_PERP/1h/BTCUSD_PERP-1h-2024-01-02.zip.CHECKSUM")
                .orElseThrow();

        // Then
        assertThat(c).isEqualTo(
                coordinates("futures/cm", "daily", "markPriceKlines", "BTCUSD_PERP", "1h", "2024-01-02", true));
    }

    @Test
    void shouldParseOptionBvolIndex() {
        // Given / When
        ArchiveCoordinates c = ArchiveLayout
                .parse("data/option/daily/BVOLIndex/BTCBVOLUSDT/BTCBVOLUSDT-BVOLIndex-2023-09-25.zip").orElseThrow();

        // Then
        assertThat(c).isEqualTo(
                coordinates("option", "daily", "BVOLIndex", "BTCBVOLUSDT", null, "2023-09-25", false));
    }

    @Test
    void shouldParseAKeyUnderADestinationPrefix() {
        // Given a mirrored key: the destination prefix before the source key
        // When
        ArchiveCoordinates c = ArchiveLayout
                .parse("binance/data/spot/monthly/klines/ETHUSDT/1mo/ETHUSDT-1mo-2023-12.zip").orElseThrow();

        // Then
        assertThat(c).isEqualTo(coordinates("spot", "monthly", "klines", "ETHUSDT", "1mo", "2023-12", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "README.md",
            "data/",
            "data/spot/daily/klines/",
            "data/spot/daily/klines/BTCUSDT/1m/",
            "data/spot/daily/klines/BTCUSDT/BTCUSDT-1m-2024-01-02.zip",
            "data/spot/daily/aggTrades/BTCUSDT/1m/BTCUSDT-aggTrades-2024-01-02.zip",
            "data/spot/weekly/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-02.zip",
            "data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-02.csv",
            "data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-1-2.zip",
            "data/spot/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-02.zip.sha256",
            "data/futures/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip.md5",
            "metadata/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip",
            "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-13-45.zip",
    })
    void shouldNotParseKeysOutsideTheLayout(String key) {
        // Given / When / Then
        assertThat(ArchiveLayout.parse(key)).isEmpty();
    }

    @Test
    void shouldBuildPrefixAndFileNameThatParseBack() {
        // Given coordinates of a kline file and of a non-kline file
        String klines = ArchiveLayout.prefix("spot", "daily", "klines", "BTCUSDT", "1m")
                + ArchiveLayout.fileName("klines", "BTCUSDT", "1m", "2024-01-02");
        String trades = ArchiveLayout.prefix("futures/um", "monthly", "trades", "ETHUSDT", "1m")
                + ArchiveLayout.fileName("trades", "ETHUSDT", "1m", "2024-01");

        // When / Then: the key is the archive's, and parses back to the same coordinates
        assertThat(klines).isEqualTo("data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip");
        assertThat(ArchiveLayout.parse(klines)).contains(
                coordinates("spot", "daily", "klines", "BTCUSDT", "1m", "2024-01-02", false));
        assertThat(trades).isEqualTo("data/futures/um/monthly/trades/ETHUSDT/ETHUSDT-trades-2024-01.zip");
        assertThat(ArchiveLayout.parse(trades)).contains(
                coordinates("futures/um", "monthly", "trades", "ETHUSDT", null, "2024-01", false));
    }

    @Test
    void shouldListSymbolsUnderTheDataTypeLevel() {
        // Given / When / Then
        assertThat(ArchiveLayout.symbolsPrefix("futures/cm", "daily", "klines"))
                .isEqualTo("data/futures/cm/daily/klines/");
        assertThat(ArchiveLayout.hasInterval("premiumIndexKlines")).isTrue();
        assertThat(ArchiveLayout.hasInterval("bookTicker")).isFalse();
    }

    private static ArchiveCoordinates coordinates(String market, String frequency, String dataType, String symbol,
                                                  String interval, String date, boolean sidecar) {
        return ArchiveCoordinates.newBuilder().setMarket(market).setFrequency(frequency).setDataType(dataType)
                .setSymbol(symbol).setInterval(interval).setDate(date).setSidecar(sidecar).build();
    }
}
