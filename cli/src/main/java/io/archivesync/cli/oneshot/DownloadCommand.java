package io.archivesync.cli.oneshot;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive-sync download REMOTE LOCAL_DIR}: {@code copy REMOTE file://LOCAL_DIR}, under the name users know. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download every object under REMOTE to the same relative path under LOCAL_DIR, keeping the "
                + "directory structure and the modification time kept at upload, and wait for the end.",
                "Each file is written under a temporary name and renamed when whole and verified. A second run "
                        + "downloads only what changed."})
public final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneShotOptions options;

    @Parameters(index = "0", paramLabel = "REMOTE", description = "s3://bucket/prefix, gs://bucket/prefix, "
            + "az://account/container/prefix or REMOTE:bucket/prefix")
    String remote;

    @Parameters(index = "1", paramLabel = "LOCAL_DIR", description = "the directory to download into (created)")
    String local;

    @Mixin
    KeyFilterOptions filters;

    @Override
    public Integer call() {
        return CopyCommand.run(spec, options, Place.parse("REMOTE", remote), Place.local("LOCAL_DIR", local),
                filters.include, filters.exclude);
    }
}
