package io.archivesync.cli.oneshot;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --include} and {@code --exclude} of {@code copy}, {@code upload} and {@code download}: one place for both. */
public final class KeyFilterOptions {

    @Option(names = "--include", description = "glob (or regex:...) on the key relative to the source to keep; "
            + "repeatable. Default: every key")
    List<String> include;

    @Option(names = "--exclude", description = "glob (or regex:...) on the key relative to the source to leave out;"
            + " repeatable. Default: none")
    List<String> exclude;
}
