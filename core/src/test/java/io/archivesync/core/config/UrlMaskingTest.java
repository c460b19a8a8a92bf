package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlMaskingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://user:pw@host:8080/apis/ccompat/v7 | http://user:****@host:8080/apis/ccompat/v7",
            "cannot reach https://u:p%40ss@a.example, http://v:q@b.example | "
                    + "cannot reach https://u:****@a.example, http://v:****@b.example",
            "SASL_SSL://admin:hunter2@broker-1:9093,broker-2:9093 | SASL_SSL://admin:****@broker-1:9093,broker-2:9093",
            "admin:hunter2@broker-1:9092,other:secret@broker-2:9092 | admin:****@broker-1:9092,other:****@broker-2:9092",
            "http://host:8080/apis/ccompat/v7 | http://host:8080/apis/ccompat/v7",
            "http://user@host/path | http://user@host/path",
            "mail ops@example.com | mail ops@example.com"})
    void shouldMaskOnlyThePasswordOfAUrlsUserInfo(String text, String expected) {
        // Given / When / Then
        assertThat(UrlMasking.mask(text)).isEqualTo(expected);
    }

    @Test
    void shouldMaskAPasswordInTheRegistryUrlOfThePrintedConfiguration() {
        // Given a registry URL and an S3 endpoint with credentials in them
        AppConfig config = Configs.load(Map.of(), null,
                "kafka.schemaRegistryUrl=http://reg-user:reg-pass@registry:8080/apis/ccompat/v7",
                "s3.endpoint=http://minio:minio-pass@minio:9000");

        // When
        String printed = ConfigPrinter.masked(config);

        // Then
        assertThat(printed).doesNotContain("reg-pass", "minio-pass")
                .contains("http://reg-user:****@registry:8080/apis/ccompat/v7", "http://minio:****@minio:9000");
    }
}
