package io.archivesync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the launcher as {@link Main#main} builds it, with stdout and stderr captured. */
record Launcher(int exitCode, String out, String err) {

    static Launcher run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Launcher(exit, out.toString(), err.toString());
    }
}
