package io.archivesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing command prints one line naming the setting and the fix, and the stack trace only with --verbose. */
class ErrorLineTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneLineNamingTheClosestSettingForATypoInTheFile() throws IOException {
        // Given a mistyped setting in the YAML file
        Path file = Files.writeString(dir.resolve("mirror.yml"), "sink:\n  concurency: 8\n");

        // When
        Launcher run = Launcher.run("sink", "--config", file.toString());

        // Then
        assertThat(run.exitCode()).isEqualTo(ErrorLine.EXIT_CODE);
        assertThat(run.err()).isEqualTo("error: unknown setting sink.concurency in " + file
                + "; did you mean sink.concurrency?" + System.lineSeparator());
    }

    @Test
    void shouldPrintTheStackTraceToo_WithVerbose() {
        // Given / When
        Launcher run = Launcher.run("processor", "--verbose", "--set", "sink.concurency=8");

        // Then the trace comes first, the line last
        assertThat(run.exitCode()).isEqualTo(ErrorLine.EXIT_CODE);
        assertThat(run.err()).contains("\tat io.archivesync.core.config.ConfigLoader")
                .endsWith("error: unknown setting sink.concurency in --set; did you mean sink.concurrency?"
                        + System.lineSeparator());
    }

    @Test
    void shouldRefuseAMockRegistryInACommandThatRunsInItsOwnProcess() {
        for (String command : new String[] {"processor", "sink", "publish --stdin", "sqs-bridge --queue-url q"}) {
            // Given / When
            Launcher run = Launcher.run((command + " --schema-registry-url mock://demo").split(" "));

            // Then
            assertThat(run.exitCode()).as(command).isEqualTo(ErrorLine.EXIT_CODE);
            assertThat(run.err()).as(command).startsWith("error: kafka.schemaRegistryUrl: 'mock://demo' is an "
                    + "in-memory registry that only exists inside one JVM").doesNotContain("\tat ");
        }
    }

    @Test
    void shouldNameTheBrokerSettingWithinSecondsWhenKafkaIsUnreachable() {
        // Given a port nothing listens on, and short admin timeouts so that the test is quick
        // When
        Launcher run = Launcher.run("publish", "--source", "s3://src/a.zip", "--dest-bucket", "lakehouse",
                "--dest-key", "a.zip", "--bootstrap-servers", "127.0.0.1:1",
                "--set", "kafka.properties={default.api.timeout.ms: '2000', request.timeout.ms: '1000'}");

        // Then
        assertThat(run.exitCode()).isEqualTo(ErrorLine.EXIT_CODE);
        assertThat(run.err()).startsWith("error: cannot reach Kafka at kafka.bootstrapServers=127.0.0.1:1 within 2s")
                .doesNotContain("\tat ").hasLineCount(1);
    }
}
