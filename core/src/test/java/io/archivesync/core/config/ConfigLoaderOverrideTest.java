package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderOverrideTest {

    @TempDir
    Path dir;

    @Test
    void shouldLetOverridesWinOverFileAndEnvironment() throws IOException {
        // Given the same settings in the environment, the file and the flags
        Path file = Files.writeString(dir.resolve("app.yml"), """
                processor:
                  batch:
                    maxRequests: 50
                producer:
                  symbols: [BNBUSDT]
                """);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092");

        // When
        AppConfig config = Configs.load(env, file,
                "processor.batch.maxRequests=5",
                "producer.symbols=[BTCUSDT,ETHUSDT]",
                "kafka.bootstrapServers=flag:9092");

        // Then the flags win, lists included
        assertThat(config.processor().batch().maxRequests()).isEqualTo(5);
        assertThat(config.producer().symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("flag:9092");
    }

    @Test
    void shouldReadOverrideValuesAsTypedYaml() {
        // Given / When
        AppConfig config = Configs.load("s3.pathStyle=true", "s3.endpoint=http://127.0.0.1:9000",
                "producer.from=2024-01-02", "producer.destinationPrefix=mirror");

        // Then
        assertThat(config.s3().pathStyle()).isTrue();
        assertThat(config.s3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(config.producer().from()).hasToString("2024-01-02");
        assertThat(config.producer().destinationPrefix()).isEqualTo("mirror/");
    }

    @Test
    void shouldRefuseAnOverrideOfAnUnknownSetting() {
        // Given / When / Then: an unknown leaf
        assertThatThrownBy(() -> Configs.load("processor.batch.maxRequest=5"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("processor.batch.maxRequest"));
        // and an unknown section
        assertThatThrownBy(() -> Configs.load("nosuch.setting=1"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("nosuch.setting"));
    }

    @Test
    void shouldRefuseAnOverrideWithoutEquals() {
        // Given / When / Then
        assertThatThrownBy(() -> Configs.load("processor.threads"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("--set"))
                .hasMessageContaining("processor.threads");
    }
}
