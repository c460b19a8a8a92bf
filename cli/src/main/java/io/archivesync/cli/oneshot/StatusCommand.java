package io.archivesync.cli.oneshot;

import io.archivesync.sync.state.KafkaSyncState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive-sync status [JOB|PREFIX]}: counts, objects in flight, the last failures and what it all cost. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Where the objects of one job, of one destination prefix, or of all stand: outcomes and "
                + "methods of each object's latest result, how many are in flight, the last failures with their "
                + "reasons, bytes and storage requests; without JOB|PREFIX also the last sync of each pair "
                + "(counts per action, conflicts open, when).",
                "Without --bootstrap-servers it reads --state-dir, which no other command may be using."})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReadOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB|PREFIX",
            description = "a job id, or s3://bucket/prefix of destinations. Default: every object")
    String selected;

    @Override
    public Integer call() {
        Selection selection = Selection.parse("JOB|PREFIX", selected);
        StatusReport report;
        try (StateBroker broker = StateBroker.open(options.config, options.stateDir())) {
            StateView view = new StateView(selection);
            TopicSnapshot.read(broker.config(), broker.topics().requests(), view::request);
            TopicSnapshot.read(broker.config(), broker.topics().results(), view::result);
            DeadLetters.read(broker.config(), broker.topics(), view::deadLettered);
            List<StatusSyncPair> pairs = selected != null ? List.of()
                    : KafkaSyncState.runs(broker.config().kafka().clientConfig(), broker.topics()).stream()
                            .map(StatusSyncPair::of).toList();
            report = StatusReport.of(selection, broker.where(), view, broker.config().processor().prices(), pairs);
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
