package io.archivesync.cli.oneshot;

import io.archivesync.cli.ConfigOptions;
import io.archivesync.core.config.ConfigException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code copy} and {@code mirror} share: where the pipeline runs, how the job ends, what is printed. */
final class OneShotOptions {

    @Mixin
    ConfigOptions config;

    @Option(names = "--state-dir", description = "where the embedded broker and the processor keep their state "
            + "between runs, when no --bootstrap-servers is given. Default: ~/" + StateDir.DEFAULT_RELATIVE)
    Path stateDir;

    @Option(names = "--detach", description = "with --bootstrap-servers: publish the requests, print the job id and "
            + "return without waiting for the results")
    boolean detach;

    @Option(names = "--json", description = "print the summary as one JSON object")
    boolean json;

    @Option(names = "--create-bucket", description = "create the destination bucket when it does not exist")
    boolean createBucket;

    @Option(names = "--dry-run", description = "print the plan (objects, bytes) and copy nothing")
    boolean dryRun;

    @Option(names = "--no-live", description = "without a cluster, the live dashboard and /metrics of the pipeline "
            + "inside this command are served on free ports of 127.0.0.1 while it runs (their addresses printed at "
            + "start); this turns them off")
    boolean noLive;

    /** Whether the job runs on a cluster: only when {@code --bootstrap-servers} is given. */
    boolean onCluster() {
        return config.bootstrapServersGiven();
    }

    /** Refuses {@code --detach} without a cluster, where nothing would go on after the command returns. */
    void requireClusterToDetach() {
        if (detach && !onCluster()) {
            throw new ConfigException("--detach", "needs --bootstrap-servers: without a cluster the pipeline runs "
                    + "inside this command and stops with it");
        }
    }

    Path stateDir() {
        return stateDir != null ? stateDir : StateDir.defaultPath();
    }
}
