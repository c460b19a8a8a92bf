package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyResult;
import io.archivesync.core.config.ConfigException;
import io.archivesync.schemas.key.RecordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive-sync history s3://bucket/key}: every result one object has had, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Every result one destination object has had, oldest first: when, outcome, method, bytes, "
                + "storage requests, error and request id.",
                "Without --bootstrap-servers it reads --state-dir, which no other command may be using."})
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReadOptions options;

    @Parameters(index = "0", paramLabel = "KEY", description = "the destination, s3://bucket/key or bucket/key")
    String key;

    @Override
    public Integer call() {
        Selection selection = Selection.parse("KEY", key);
        if (selection.path() == null || selection.path().endsWith("/")) {
            throw new ConfigException("KEY", "'" + key + "' must name one object: s3://bucket/key or bucket/key");
        }
        HistoryReport report;
        try (StateBroker broker = StateBroker.open(options.config, options.stateDir())) {
            List<CopyResult> results = new ArrayList<>();
            TopicSnapshot.read(broker.config(), broker.topics().results(), r -> {
                if (RecordKey.of(r).equals(selection.path())) {
                    results.add(r);
                }
            });
            report = HistoryReport.of(Selection.location(selection.path()), broker.where(), results);
        }
        if (options.json) {
            report.printJson(spec.commandLine().getOut());
        } else {
            report.print(spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
