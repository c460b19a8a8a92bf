package io.archivesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The producer's dry run and progress bar: no server is needed to plan generated keys for given symbols. */
class ProducerCommandTest {

    @Test
    void shouldPrintThePlanAndItsCountsWithoutProducing() {
        // Given a generate plan of two days, two intervals (1w has no daily files) and both frequencies
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            // When; the broker address is unreachable, so producing anything would fail
            exit = new CommandLine(new Main()).execute("producer", "--dry-run", "--strategy", "generate",
                    "--bootstrap-servers", "127.0.0.1:1", "--symbol", "BTCUSDT", "--interval", "1m,1w",
                    "--frequency", "daily,monthly", "--from", "2024-01-31", "--to", "2024-02-01", "--show", "2",
                    "--exclude", "**/*.CHECKSUM");
        } finally {
            System.setOut(original);
        }

        // Then
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(printed).contains("plan (strategy generate, nothing is produced):")
                .contains("  data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-31.zip\n")
                .contains("... and 4 more")
                .containsPattern("spot daily klines 1m +2 +0 +unknown")
                .containsPattern("spot monthly klines 1w +2 +0 +unknown")
                .containsPattern("total \\(6 objects\\) +6 +0 +unknown")
                .doesNotContain("daily klines 1w");
    }

    @Test
    void shouldDrawABarWhenTheTotalIsKnownAndACountOtherwise() {
        assertThat(new ProgressBar(System.err, 200, false).render(50)).startsWith("[" + "#".repeat(10) + ".".repeat(30)
                + "] 50/200");
        assertThat(new ProgressBar(System.err, -1, false).render(1234)).startsWith("requests 1,234");
    }
}
