package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldMergeTheUserFileOverTheDefaults() throws IOException {
        // Given a file that sets a few settings deep inside sections
        Path file = write("""
                producer:
                  symbols: [BTCUSDT]
                  from: 2024-01-01
                  to: 2024-01-31
                processor:
                  batch:
                    maxRequests: 7
                """);

        // When
        AppConfig config = Configs.load(Map.of(), file);

        // Then the file's values win and their siblings keep the defaults
        assertThat(config.producer().symbols()).containsExactly("BTCUSDT");
        assertThat(config.producer().from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(config.producer().to()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(config.producer().sourceBucket()).isEqualTo("data.binance.vision");
        assertThat(config.processor().batch().maxRequests()).isEqualTo(7);
        assertThat(config.processor().batch().maxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.processor().applicationId()).isEqualTo("archive-sync-processor");
    }

    @Test
    void shouldRefuseAnUnknownSettingInTheFileNamingIt() throws IOException {
        // Given a typo in a nested setting
        Path file = write("""
                processor:
                  batch:
                    maxRequest: 5
                """);

        // When / Then
        assertThatThrownBy(() -> Configs.load(Map.of(), file))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("processor.batch.maxRequest"))
                .hasMessageContaining("maxRequest");
    }

    @Test
    void shouldRefuseAnUnknownSection() throws IOException {
        // Given
        Path file = write("procesor:\n  threads: 2\n");

        // When / Then
        assertThatThrownBy(() -> Configs.load(Map.of(), file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("procesor"));
    }

    @Test
    void shouldRefuseAMissingFileNamingTheFlag() {
        // Given
        Path missing = dir.resolve("nope.yml");

        // When / Then
        assertThatThrownBy(() -> Configs.load(Map.of(), missing))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("--config"))
                .hasMessageContaining("nope.yml");
    }

    @Test
    void shouldRefuseAFileThatIsNotAMapping() throws IOException {
        // Given
        Path file = write("- just\n- a list\n");

        // When / Then
        assertThatThrownBy(() -> Configs.load(Map.of(), file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mapping");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("archive-sync.yml"), yaml);
    }
}
