package io.archivesync.cli.demo;

import io.archivesync.cli.Verbosity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts real servers in-process, generates a Binance-like archive and mirrors it through the whole pipeline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Mirror a generated Binance-like archive through Kafka on embedded servers, twice.")
public final class DemoCommand implements Callable<Integer> {

    /** Only for the launcher's error handler: with it, a failure prints its stack trace. */
    @Mixin
    Verbosity verbosity;

    @Option(names = "--dir", defaultValue = "demo-data",
            description = "where S3Proxy keeps the buckets (wiped at start)")
    Path dir;

    @Option(names = "--days", defaultValue = "7", description = "daily files per symbol and data type")
    int days;

    @Option(names = "--timeout", defaultValue = "90", description = "seconds to wait for each run's results")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        return new DemoRun(dir, days, timeoutSeconds, System.out).run();
    }
}
