package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrinterTest {

    @TempDir
    Path dir;

    @Test
    void shouldMaskSecretsButNotIdentifiers() throws IOException {
        // Given credentials for S3, the registry and Kafka
        Path file = Files.writeString(dir.resolve("app.yml"), """
                kafka:
                  bootstrapServers: broker-1:9092
                  registry:
                    basic.auth.user.info: "registry-user:registry-pass"
                  properties:
                    ssl.truststore.password: trust-pass
                    sasl.jaas.config: 'PlainLoginModule required username="u" password="jaas-pass";'
                s3:
                  accessKey: AKIAEXAMPLE
                  secretKey: s3-secret-value
                """);
        AppConfig config = Configs.load(Map.of(), file);

        // When
        String printed = ConfigPrinter.masked(config);

        // Then no secret is printed, the identifiers are
        assertThat(printed)
                .doesNotContain("s3-secret-value", "registry-pass", "trust-pass", "jaas-pass")
                .contains("AKIAEXAMPLE", "broker-1:9092", "data.binance.vision")
                .contains("secretKey: \"" + ConfigPrinter.MASK + "\"")
                .contains("basic.auth.user.info: \"" + ConfigPrinter.MASK + "\"");
    }

    @Test
    void shouldLeaveUnsetSecretsEmptyRatherThanMasked() {
        // Given no static credentials
        AppConfig config = Configs.load();

        // When
        String printed = ConfigPrinter.masked(config);

        // Then a reader can tell that no secret is configured
        assertThat(printed).contains("secretKey: null").doesNotContain(ConfigPrinter.MASK);
    }
}
