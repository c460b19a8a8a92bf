package io.archivesync.core.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the archive enumerator lists and where each object goes.
 *
 * @param sourceBucket      the archive's bucket ({@code data.binance.vision} for Binance)
 * @param sourceRegion      its region; blank means {@code s3.region}
 * @param anonymousSource   read the source without credentials (public archives)
 * @param markets           spot, futures/um, futures/cm, option
 * @param frequency         daily or monthly
 * @param dataTypes         klines, aggTrades, trades, ...
 * @param symbols           symbols to mirror; empty means every symbol found by listing
 * @param intervals         kline intervals; ignored for other data types
 * @param from              first date (inclusive)
 * @param to                last date (inclusive)
 * @param includeChecksums  also request the {@code .CHECKSUM} sidecars
 * @param destinationBucket where the mirror lives
 * @param destinationPrefix put before each source key in the mirror
 */
public record ProducerSettings(
        String sourceBucket,
        String sourceRegion,
        boolean anonymousSource,
        List<String> markets,
        String frequency,
        List<String> dataTypes,
        List<String> symbols,
        List<String> intervals,
        LocalDate from,
        LocalDate to,
        boolean includeChecksums,
        String destinationBucket,
        String destinationPrefix) {

    private static final Set<String> MARKETS = Set.of("spot", "futures/um", "futures/cm", "option");

    public ProducerSettings {
        sourceBucket = Check.notBlank("producer.sourceBucket", sourceBucket);
        sourceRegion = sourceRegion == null || sourceRegion.isBlank() ? null : sourceRegion.strip();
        markets = Check.listOrEmpty(markets);
        for (String m : markets) {
            if (!MARKETS.contains(m)) {
                throw new ConfigException("producer.markets", "unknown market '" + m + "' (known: " + MARKETS + ")");
            }
        }
        frequency = Check.notBlank("producer.frequency", frequency);
        if (!frequency.equals("daily") && !frequency.equals("monthly")) {
            throw new ConfigException("producer.frequency", "must be daily or monthly, was '" + frequency + "'");
        }
        dataTypes = Check.listOrEmpty(dataTypes);
        symbols = Check.listOrEmpty(symbols);
        intervals = Check.listOrEmpty(intervals);
        if (from != null && to != null && from.isAfter(to)) {
            throw new ConfigException("producer.from", "is after producer.to (" + from + " > " + to + ")");
        }
        destinationBucket = Check.notBlank("producer.destinationBucket", destinationBucket);
        destinationPrefix = destinationPrefix == null ? "" : destinationPrefix.strip();
        if (destinationPrefix.startsWith("/") || destinationPrefix.contains("..")) {
            throw new ConfigException("producer.destinationPrefix", "must be relative and must not contain '..'");
        }
        if (!destinationPrefix.isEmpty() && !destinationPrefix.endsWith("/")) {
            destinationPrefix = destinationPrefix + "/";
        }
    }
}
