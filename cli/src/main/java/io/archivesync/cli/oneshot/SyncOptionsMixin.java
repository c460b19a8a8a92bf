package io.archivesync.cli.oneshot;

import io.archivesync.cli.ConfigOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code sync}, {@code conflicts} and {@code resolve} share: where the sync state is, and how to print. */
final class SyncOptionsMixin {

    @Mixin
    ConfigOptions config;

    @Option(names = "--state-dir", description = "where the embedded broker keeps the sync state (base records, "
            + "conflicts, runs) between runs, when no --bootstrap-servers is given. Default: ~/"
            + StateDir.DEFAULT_RELATIVE)
    Path stateDir;

    @Option(names = "--json", description = "print the answer as one JSON object")
    boolean json;

    Path stateDir() {
        return stateDir != null ? stateDir : StateDir.defaultPath();
    }
}
