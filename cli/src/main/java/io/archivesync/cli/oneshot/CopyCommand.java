package io.archivesync.cli.oneshot;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive-sync copy s3://bucket/prefix s3://bucket/prefix}: every object under SRC, to the same keys under DST. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy every object under SRC to the same relative key under DST, and wait for the end.",
                "Without --bootstrap-servers the pipeline runs in this process, with its state in --state-dir: "
                        + "a second run copies only what changed."})
public final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneShotOptions options;

    @Parameters(index = "0", paramLabel = "SRC", description = "s3://bucket/prefix to copy from")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "s3://bucket/prefix to copy to")
    String destination;

    @Option(names = "--include", description = "glob (or regex:...) on the key relative to SRC to keep; repeatable."
            + " Default: every key")
    List<String> include;

    @Option(names = "--exclude", description = "glob (or regex:...) on the key relative to SRC to leave out;"
            + " repeatable. Default: none")
    List<String> exclude;

    @Override
    public Integer call() {
        S3Url src = S3Url.parse("SRC", source);
        S3Url dst = S3Url.parse("DST", destination);
        JobRun.Job job = new JobRun.Job(List.of(), src.toString(), dst,
                (config, jobId) -> new CopyPlanner(config, src, dst, include, exclude).plan(jobId));
        return new JobRun(options, job, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
