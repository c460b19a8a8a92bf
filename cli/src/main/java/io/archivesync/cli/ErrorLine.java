package io.archivesync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's failure into one line on stderr, {@code error: ...}, that names the setting and the fix, and a
 * non-zero exit; the stack trace only with {@code --verbose}. An operator reads the line; a developer asks for more.
 */
final class ErrorLine implements IExecutionExceptionHandler {

    static final int EXIT_CODE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        if (verbose(parsed)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            command.getErr().print(ErrorMessages.masked(trace.toString()));
        }
        command.getErr().println("error: " + ErrorMessages.describe(e));
        command.getErr().flush();
        return EXIT_CODE;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(Verbosity.OPTION)) {
                return true;
            }
        }
        return false;
    }
}
