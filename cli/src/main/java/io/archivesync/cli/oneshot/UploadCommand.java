package io.archivesync.cli.oneshot;

import io.archivesync.core.config.ConfigException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive-sync upload LOCAL_DIR REMOTE}: {@code copy file://LOCAL_DIR REMOTE}, under the name users know. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload every file under LOCAL_DIR to the same relative key under REMOTE, keeping the "
                + "directory structure and each file's modification time (as metadata), and wait for the end.",
                "Symbolic links and special files are skipped, and said so. A second run uploads only what changed."})
public final class UploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OneShotOptions options;

    @Parameters(index = "0", paramLabel = "LOCAL_DIR", description = "the directory to upload")
    String local;

    @Parameters(index = "1", paramLabel = "REMOTE", description = "s3://bucket/prefix, gs://bucket/prefix, "
            + "az://account/container/prefix or REMOTE:bucket/prefix")
    String remote;

    @Mixin
    KeyFilterOptions filters;

    @Override
    public Integer call() {
        Place from = Place.local("LOCAL_DIR", local);
        if (!Files.isDirectory(from.local())) {
            throw new ConfigException("LOCAL_DIR", "'" + local + "' is not a directory" + (Files.exists(from.local())
                    ? "" : " (it does not exist)"));
        }
        return CopyCommand.run(spec, options, from, Place.parse("REMOTE", remote), filters.include, filters.exclude);
    }
}
