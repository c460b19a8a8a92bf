package io.archivesync.cli.oneshot;

import io.archivesync.cli.ConfigOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code status} and {@code history} share: where the results are, and how to print them. */
final class ReadOptions {

    @Mixin
    ConfigOptions config;

    @Option(names = "--state-dir", description = "the state directory of the embedded pipeline to read, when no "
            + "--bootstrap-servers is given; refused while another command uses it. Default: ~/"
            + StateDir.DEFAULT_RELATIVE)
    Path stateDir;

    @Option(names = "--json", description = "print the answer as one JSON object")
    boolean json;

    /** Whether the results are on a cluster: only when {@code --bootstrap-servers} is given. */
    boolean onCluster() {
        return config.bootstrapServersGiven();
    }

    Path stateDir() {
        return stateDir != null ? stateDir : StateDir.defaultPath();
    }
}
