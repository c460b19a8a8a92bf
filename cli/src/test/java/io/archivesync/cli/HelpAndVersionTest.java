package io.archivesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every command answers --version and --verbose, and --help shows the defaults, the settings' included. */
class HelpAndVersionTest {

    private static final String[] COMMANDS = {"demo", "producer", "processor", "sink", "sample-archive", "publish",
            "sqs-bridge"};

    @Test
    void shouldPrintTheVersionOnEveryCommand() {
        for (String command : COMMANDS) {
            // Given / When
            Launcher run = Launcher.run(command, "--version");

            // Then
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("archive-sync ");
        }
    }

    @Test
    void shouldOfferVerboseOnEveryCommand() {
        for (String command : COMMANDS) {
            assertThat(Launcher.run(command, "--help").out()).as(command).contains("--verbose");
        }
    }

    @Test
    void shouldShowTheDefaultsOfOptionsAndOfTheSettingsBehindThem() {
        // Given / When
        String sample = Launcher.run("sample-archive", "--help").out();
        String producer = Launcher.run("producer", "--help").out();

        // Then
        assertThat(sample).contains("Default: 7", "Default: data.binance.vision");
        assertThat(producer).containsPattern("\\(kafka\\.bootstrapServers\\)\\.\\s+Default:\\s+\\S+")
                .containsPattern("\\(producer\\.markets\\)\\.\\s+Default:\\s+\\[spot]")
                .contains("Default: 20")
                .doesNotContain("${bundle", "Default: null");
    }
}
