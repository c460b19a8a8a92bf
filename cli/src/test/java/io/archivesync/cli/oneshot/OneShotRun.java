package io.archivesync.cli.oneshot;

import io.archivesync.cli.Main;
import io.archivesync.embedded.Stack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the real {@code archive-sync} command line in this JVM against the stack's S3, capturing what it prints. */
record OneShotRun(int exitCode, String out, String err) {

    static OneShotRun run(Stack stack, Path stateDir, String... args) {
        List<String> all = arguments(stack, stateDir, args);
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new OneShotRun(code, out.toString(), err.toString());
    }

    /** {@code args}, then the state directory and the stack's S3 endpoint and credentials. */
    static List<String> arguments(Stack stack, Path stateDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state-dir", stateDir.toString(),
                "--s3-endpoint", stack.s3().endpoint().toString(),
                "--set", "s3.region=" + stack.s3().region(),
                "--set", "s3.accessKey=" + stack.s3().accessKey(),
                "--set", "s3.secretKey=" + stack.s3().secretKey(),
                "--set", "s3.pathStyle=true"));
        return all;
    }
}
