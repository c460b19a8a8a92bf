package io.archivesync.core.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivesync.core.archive.BinanceCatalog;
import io.archivesync.core.archive.KeyPattern;
import java.time.LocalDate;
import java.util.List;

/**
 * What the archive enumerator requests and where each object goes.
 *
 * @param sourceBucket      the archive's bucket ({@code data.binance.vision} for Binance)
 * @param sourceRegion      its region; blank means {@code s3.region}
 * @param anonymousSource   read the source without credentials (public archives)
 * @param strategy          {@code generate} (build keys) or {@code list} (ListObjectsV2), see {@link PlanStrategy}
 * @param markets           spot, futures/um, futures/cm, option
 * @param frequencies       YAML {@code frequency}: daily, monthly, or both as a list
 * @param dataTypes         klines, aggTrades, trades, ... (see BINANCE.md)
 * @param symbols           symbols to mirror; empty means every symbol found by listing
 * @param intervals         kline intervals; ignored for other data types
 * @param from              first date (inclusive); required by {@code generate}
 * @param to                last date (inclusive); unset means unbounded ({@code list}) or yesterday ({@code generate})
 * @param include           key patterns (glob, or {@code regex:...}); empty means every key
 * @param exclude           key patterns that leave a key out even when included
 * @param includeChecksums  also request the {@code .CHECKSUM} sidecars
 * @param destinationBucket where the mirror lives
 * @param destinationPrefix put before each source key in the mirror
 */
public record ProducerSettings(
        String sourceBucket,
        String sourceRegion,
        boolean anonymousSource,
        PlanStrategy strategy,
        List<String> markets,
        @JsonProperty("frequency") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> frequencies,
        List<String> dataTypes,
        List<String> symbols,
        List<String> intervals,
        LocalDate from,
        LocalDate to,
        List<String> include,
        List<String> exclude,
        boolean includeChecksums,
        String destinationBucket,
        String destinationPrefix) {

    public ProducerSettings {
        sourceBucket = Check.notBlank("producer.sourceBucket", sourceBucket);
        sourceRegion = sourceRegion == null || sourceRegion.isBlank() ? null : sourceRegion.strip();
        strategy = Check.orDefault(strategy, PlanStrategy.LIST);
        markets = Check.listOrEmpty(markets);
        for (String m : markets) {
            if (!BinanceCatalog.MARKETS.contains(m)) {
                throw new ConfigException("producer.markets",
                        "unknown market '" + m + "' (known: " + BinanceCatalog.MARKETS + ")");
            }
        }
        frequencies = Check.listOrEmpty(frequencies);
        if (frequencies.isEmpty()) {
            throw new ConfigException("producer.frequency", "must be daily, monthly or [daily, monthly]");
        }
        for (String f : frequencies) {
            if (!BinanceCatalog.FREQUENCIES.contains(f)) {
                throw new ConfigException("producer.frequency", "must be daily or monthly, was '" + f + "'");
            }
        }
        dataTypes = Check.listOrEmpty(dataTypes);
        for (String t : dataTypes) {
            if (!BinanceCatalog.isKnownDataType(t)) {
                throw new ConfigException("producer.dataTypes", "unknown data type '" + t + "'");
            }
        }
        symbols = Check.listOrEmpty(symbols);
        intervals = Check.listOrEmpty(intervals);
        for (String i : intervals) {
            if (!BinanceCatalog.INTERVALS.contains(i)) {
                throw new ConfigException("producer.intervals",
                        "unknown interval '" + i + "' (known: " + BinanceCatalog.INTERVALS + ")");
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new ConfigException("producer.from", "is after producer.to (" + from + " > " + to + ")");
        }
        if (strategy == PlanStrategy.GENERATE && from == null) {
            throw new ConfigException("producer.from",
                    "must be set when producer.strategy is generate (keys are built for each date)");
        }
        include = patterns("producer.include", include);
        exclude = patterns("producer.exclude", exclude);
        destinationBucket = Check.bucketName("producer.destinationBucket", destinationBucket);
        destinationPrefix = destinationPrefix == null ? "" : destinationPrefix.strip();
        if (destinationPrefix.startsWith("/") || destinationPrefix.contains("..")) {
            throw new ConfigException("producer.destinationPrefix", "must be relative and must not contain '..'");
        }
        if (!destinationPrefix.isEmpty() && !destinationPrefix.endsWith("/")) {
            destinationPrefix = destinationPrefix + "/";
        }
    }

    private static List<String> patterns(String setting, List<String> patterns) {
        List<String> checked = Check.listOrEmpty(patterns);
        for (String p : checked) {
            try {
                KeyPattern.of(p);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(setting, e.getMessage(), e);
            }
        }
        return checked;
    }
}
