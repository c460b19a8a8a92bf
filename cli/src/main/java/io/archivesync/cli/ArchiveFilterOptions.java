package io.archivesync.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The archive's coordinates as options, shared by every command that enumerates the archive ({@code producer},
 * {@code mirror}): each one a {@code producer.*} setting, so the defaults and the validation stay in one place.
 */
public final class ArchiveFilterOptions {

    @Option(names = "--market", split = ",", description = "markets, e.g. spot,futures/um (producer.markets). "
            + "Default: ${bundle:producer.markets:-unset}")
    List<String> markets;

    @Option(names = "--frequency", split = ",", description = "daily, monthly or daily,monthly (producer.frequency). "
            + "Default: ${bundle:producer.frequency:-unset}")
    List<String> frequencies;

    @Option(names = "--data-type", split = ",", description = "data types, e.g. klines,aggTrades (producer.dataTypes). "
            + "Default: ${bundle:producer.dataTypes:-unset}")
    List<String> dataTypes;

    @Option(names = "--symbol", split = ",", description = "symbols, e.g. BTCUSDT (producer.symbols). "
            + "Default: ${bundle:producer.symbols:-unset}")
    List<String> symbols;

    @Option(names = "--interval", split = ",", description = "kline intervals, e.g. 1m,1h (producer.intervals). "
            + "Default: ${bundle:producer.intervals:-unset}")
    List<String> intervals;

    @Option(names = "--from", description = "first date, YYYY-MM-DD (producer.from). "
            + "Default: ${bundle:producer.from:-unset}")
    String from;

    @Option(names = "--to", description = "last date, YYYY-MM-DD (producer.to). "
            + "Default: ${bundle:producer.to:-unset}")
    String to;

    /** Adds the settings of the options given to {@code overrides}, as {@code --set} would. */
    public void addTo(List<String> overrides) {
        list(overrides, "producer.markets", markets);
        list(overrides, "producer.frequency", frequencies);
        list(overrides, "producer.dataTypes", dataTypes);
        list(overrides, "producer.symbols", symbols);
        list(overrides, "producer.intervals", intervals);
        if (from != null) {
            overrides.add("producer.from=" + from);
        }
        if (to != null) {
            overrides.add("producer.to=" + to);
        }
    }

    private static void list(List<String> o, String setting, List<String> values) {
        if (values != null) {
            o.add(setting + "=[" + String.join(",", values) + "]");
        }
    }
}
