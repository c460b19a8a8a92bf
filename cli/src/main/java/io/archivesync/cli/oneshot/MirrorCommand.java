package io.archivesync.cli.oneshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive-sync mirror s3://bucket/prefix}: the Binance archive (filtered) into DST, and wait for the end. */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = {"Mirror Binance's archive (producer.sourceBucket) into DST, and wait for the end.",
                "Without --bootstrap-servers the pipeline runs in this process, with its state in --state-dir: "
                        + "a second run copies only what changed."})
public final class MirrorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneShotOptions options;

    @Parameters(index = "0", paramLabel = "DST", description = "s3://bucket/prefix to mirror into")
    String destination;

    @Option(names = "--market", split = ",", description = "markets, e.g. spot,futures/um (producer.markets). "
            + "Default: ${bundle:producer.markets:-unset}")
    List<String> markets;

    @Option(names = "--symbol", split = ",", description = "symbols, e.g. BTCUSDT (producer.symbols). "
            + "Default: ${bundle:producer.symbols:-unset}")
    List<String> symbols;

    @Option(names = "--data-type", split = ",", description = "data types, e.g. klines (producer.dataTypes). "
            + "Default: ${bundle:producer.dataTypes:-unset}")
    List<String> dataTypes;

    @Option(names = "--interval", split = ",", description = "kline intervals, e.g. 1m,1h (producer.intervals). "
            + "Default: ${bundle:producer.intervals:-unset}")
    List<String> intervals;

    @Option(names = "--from", description = "first date, YYYY-MM-DD (producer.from). "
            + "Default: ${bundle:producer.from:-unset}")
    String from;

    @Option(names = "--to", description = "last date, YYYY-MM-DD (producer.to). "
            + "Default: ${bundle:producer.to:-unset}")
    String to;

    @Override
    public Integer call() {
        S3Url dst = S3Url.parse("DST", destination);
        List<String> o = new ArrayList<>();
        list(o, "producer.markets", markets);
        list(o, "producer.symbols", symbols);
        list(o, "producer.dataTypes", dataTypes);
        list(o, "producer.intervals", intervals);
        if (from != null) {
            o.add("producer.from=" + from);
        }
        if (to != null) {
            o.add("producer.to=" + to);
        }
        // listed, so every request carries size and ETag: what lets a second run be answered from the results
        o.add("producer.strategy=list");
        o.add("producer.destinationBucket=" + dst.bucket());
        o.add("producer.destinationPrefix=" + dst.prefix());
        JobRun.Job job = new JobRun.Job(o, "archive", dst, (config, jobId) -> new MirrorPlanner(config).plan(jobId));
        return new JobRun(options, job, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }

    private static void list(List<String> o, String setting, List<String> values) {
        if (values != null) {
            o.add(setting + "=[" + String.join(",", values) + "]");
        }
    }
}
