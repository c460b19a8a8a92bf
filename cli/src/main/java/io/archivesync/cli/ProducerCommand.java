package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.producer.ProducerJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Enumerates the archive once and emits one request per object. */
@Command(name = "producer", mixinStandardHelpOptions = true,
        description = "Enumerate an archive and emit one file-to-sync request per object.")
final class ProducerCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--market", split = ",", description = "markets, e.g. spot,futures/um (producer.markets)")
    List<String> markets;

    @Option(names = "--data-type", split = ",", description = "data types, e.g. klines,aggTrades (producer.dataTypes)")
    List<String> dataTypes;

    @Option(names = "--symbol", split = ",", description = "symbols, e.g. BTCUSDT (producer.symbols)")
    List<String> symbols;

    @Option(names = "--from", description = "first date, YYYY-MM-DD (producer.from)")
    String from;

    @Option(names = "--to", description = "last date, YYYY-MM-DD (producer.to)")
    String to;

    @Override
    public Integer call() {
        List<String> o = new ArrayList<>();
        if (markets != null) {
            o.add("producer.markets=[" + String.join(",", markets) + "]");
        }
        if (dataTypes != null) {
            o.add("producer.dataTypes=[" + String.join(",", dataTypes) + "]");
        }
        if (symbols != null) {
            o.add("producer.symbols=[" + String.join(",", symbols) + "]");
        }
        if (from != null) {
            o.add("producer.from=" + from);
        }
        if (to != null) {
            o.add("producer.to=" + to);
        }
        AppConfig config = options.load(o);
        long emitted = new ProducerJob(config).run(n -> { });
        System.out.printf("emitted %d requests to %s%n", emitted, config.topics().prefix() + "requests");
        return 0;
    }
}
