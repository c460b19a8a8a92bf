package io.archivesync.cli.oneshot;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive-sync retry [JOB|PREFIX|KEY]}: request again every object whose latest result failed. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Request again every object (of one job, under one destination prefix, one key, or all) "
                + "whose latest result is not good, and wait for the end as copy does.",
                "Without --bootstrap-servers the pipeline runs in this process, on --state-dir."})
public final class RetryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneShotOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB|PREFIX|KEY",
            description = "a job id, or s3://bucket/prefix or s3://bucket/key of destinations. Default: every object")
    String selected;

    @Override
    public Integer call() {
        Selection selection = Selection.parse("JOB|PREFIX|KEY", selected);
        return new RetryRun(options, selection, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
