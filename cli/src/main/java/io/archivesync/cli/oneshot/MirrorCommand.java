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

    @Parameters(index = "0", paramLabel = "DST", description = "where to mirror into: s3://bucket/prefix, "
            + "gs://bucket/prefix, az://account/container/prefix, file:///dir or REMOTE:bucket/prefix")
    String destination;

    @Mixin
    ArchiveFilterOptions archive;

    @Override
    public Integer call() {
        Place dst = Place.parse("DST", destination);
        List<String> o = new ArrayList<>();
        archive.addTo(o);
        // listed, so every request carries size and ETag: what lets a second run be answered from the results
        o.add("producer.strategy=list");
        if (dst.s3() != null) {
            o.add("producer.destinationBucket=" + dst.s3().bucket());
            o.add("producer.destinationPrefix=" + dst.s3().prefix());
        } else {
            // keys relative to DST: MirrorPlanner places them there
            o.add("producer.destinationPrefix=");
        }
        if (dst.local() != null) {
            o.add("storage.localRoots=['" + dst.local().toString().replace("'", "''") + "']");
        }
        JobRun.Job job = new JobRun.Job(o, "archive", dst,
                (config, jobId) -> new MirrorPlanner(config, dst).plan(jobId));
        return new JobRun(options, job, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
