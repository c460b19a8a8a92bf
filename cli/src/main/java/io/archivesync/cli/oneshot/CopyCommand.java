package io.archivesync.cli.oneshot;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archive-sync copy SRC DST}: every object under SRC, to the same relative keys under DST, between any two
 * places ({@link Place}).
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy every object under SRC to the same relative key under DST, and wait for the end.",
                "Without --bootstrap-servers the pipeline runs in this process, with its state in --state-dir: "
                        + "a second run copies only what changed."})
public final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneShotOptions options;

    @Parameters(index = "0", paramLabel = "SRC", description = "where to copy from: s3://bucket/prefix, "
            + "gs://bucket/prefix, az://account/container/prefix, file:///dir, or REMOTE:bucket/prefix "
            + "(storage.remotes)")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "where to copy to, in the same forms")
    String destination;

    @Mixin
    KeyFilterOptions filters;

    @Override
    public Integer call() {
        return run(spec, options, Place.parse("SRC", source), Place.parse("DST", destination), filters.include,
                filters.exclude);
    }

    /** Runs a copy between two places; local directories among them become the copier's storage.localRoots. */
    static int run(CommandSpec spec, OneShotOptions options, Place src, Place dst, List<String> include,
                   List<String> exclude) {
        List<String> roots = java.util.stream.Stream.of(src, dst).filter(p -> p.local() != null)
                .map(p -> "'" + p.local().toString().replace("'", "''") + "'").toList();
        List<String> overrides = roots.isEmpty() ? List.of() : List.of("storage.localRoots=[" + String.join(", ",
                roots) + "]");
        JobRun.Job job = new JobRun.Job(overrides, src.toString(), dst,
                (config, jobId) -> new CopyPlanner(config, src, dst, include, exclude).plan(jobId));
        return new JobRun(options, job, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
