package io.archivesync.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, shared by every command: by default an operator gets one line per error and one line about the
 * configuration; the stack trace and the hundred lines of effective configuration are there when asked for.
 */
public final class Verbosity {

    static final String OPTION = "--verbose";

    @Option(names = {"-v", OPTION}, description = "log the effective configuration, and print an error's stack trace")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
