package io.archivesync.core.archive;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Binance's archive publishes: markets, the data types of each market, kline intervals and which frequencies
 * exist for which data type and interval (see {@code BINANCE.md}).
 *
 * <p>Why a catalogue: the {@code generate} strategy builds keys instead of listing them, so it must know which
 * combinations exist; a key for a combination that never exists (daily {@code 1w} klines, daily {@code fundingRate})
 * would only produce a NOT_FOUND result. Combinations not listed here as impossible are generated, and a file that is
 * simply not published ends as NOT_FOUND downstream, as with Binance's own download scripts.
 */
public final class BinanceCatalog {

    public static final List<String> MARKETS = List.of("spot", "futures/um", "futures/cm", "option");
    public static final List<String> FREQUENCIES = List.of("daily", "monthly");
    public static final List<String> INTERVALS =
            List.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1mo");

    private static final List<String> FUTURES = List.of("aggTrades", "klines", "trades", "bookDepth", "bookTicker",
            "indexPriceKlines", "markPriceKlines", "premiumIndexKlines", "metrics", "fundingRate",
            "liquidationSnapshot");
    private static final Map<String, List<String>> DATA_TYPES = Map.of(
            "spot", List.of("aggTrades", "klines", "trades"),
            "futures/um", FUTURES,
            "futures/cm", FUTURES,
            "option", List.of("BVOLIndex", "EOHSummary"));
    private static final Set<String> MONTHLY_ONLY = Set.of("fundingRate");
    /** Daily files exist for intervals up to 1d only. */
    private static final Set<String> NOT_DAILY_INTERVALS = Set.of("3d", "1w", "1mo");

    private BinanceCatalog() {
    }

    /** The data types a market publishes; empty for an unknown market. */
    public static List<String> dataTypes(String market) {
        return DATA_TYPES.getOrDefault(market, List.of());
    }

    /** Whether any of these markets publishes the data type. */
    public static boolean isKnownDataType(String dataType) {
        return DATA_TYPES.values().stream().anyMatch(types -> types.contains(dataType));
    }

    /** Whether files of this market, frequency and data type exist at all. */
    public static boolean publishes(String market, String frequency, String dataType) {
        if (!dataTypes(market).contains(dataType)) {
            return false;
        }
        return !(frequency.equals("daily") && MONTHLY_ONLY.contains(dataType));
    }

    /** Whether files of this frequency exist for a kline interval: daily ones only up to {@code 1d}. */
    public static boolean publishesInterval(String frequency, String interval) {
        return !(frequency.equals("daily") && NOT_DAILY_INTERVALS.contains(interval));
    }
}
