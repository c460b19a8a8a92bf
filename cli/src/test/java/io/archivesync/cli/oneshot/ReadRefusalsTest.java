package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code status} and {@code history} refuse before they start a broker, each in one line. */
class ReadRefusalsTest {

    @Test
    void shouldRefuseToReadAStateDirectoryAnotherCommandHolds(@TempDir Path state) {
        // Given a state directory held by another command
        StateDir held = StateDir.lock(state);
        try {
            // When status runs on it
            String[] run = run("status", "--state-dir", state.toString());

            // Then it says so in one line, naming the directory and the holder
            assertThat(run[0]).isEqualTo("1");
            assertThat(run[1]).startsWith("error: ").contains(state.toAbsolutePath().toString())
                    .contains("in use by another archive-sync command (pid " + ProcessHandle.current().pid());
            assertThat(run[1].strip()).doesNotContain("\n");
        } finally {
            held.close();
        }
    }

    @Test
    void shouldSayWhenNothingHasRunWithTheStateDirectory(@TempDir Path state) {
        // When history runs on a state directory no command has used
        String[] run = run("history", "s3://bucket/key", "--state-dir", state.resolve("new").toString());

        // Then it says there is nothing to read
        assertThat(run[0]).isEqualTo("1");
        assertThat(run[1]).contains("no archive-sync command has run with the state directory");
    }

    @Test
    void shouldRefuseAHistoryOfAPrefix(@TempDir Path state) {
        // When history is given a folder rather than a key
        String[] run = run("history", "s3://bucket/data/", "--state-dir", state.toString());

        // Then it asks for one object
        assertThat(run[0]).isEqualTo("1");
        assertThat(run[1]).contains("must name one object");
    }

    private static String[] run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), err.toString(), out.toString()};
    }
}
