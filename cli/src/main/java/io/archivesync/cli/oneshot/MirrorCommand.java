package io.archivesync.cli.oneshot;

import io.archivesync.cli.ArchiveFilterOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    ArchiveFilterOptions archive;

    @Override
    public Integer call() {
        S3Url dst = S3Url.parse("DST", destination);
        List<String> o = new ArrayList<>();
        archive.addTo(o);
        // listed, so every request carries size and ETag: what lets a second run be answered from the results
        o.add("producer.strategy=list");
        o.add("producer.destinationBucket=" + dst.bucket());
        o.add("producer.destinationPrefix=" + dst.prefix());
        JobRun.Job job = new JobRun.Job(o, "archive", dst, (config, jobId) -> new MirrorPlanner(config).plan(jobId));
        return new JobRun(options, job, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
