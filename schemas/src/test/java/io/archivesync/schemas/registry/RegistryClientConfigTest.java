package io.archivesync.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {

    @Test
    void shouldSplitSeveralUrlsAndDropTrailingSlashes() {
        // Given Confluent's comma-separated form with a base path, as Apicurio's ccompat API needs
        String urls = "http://a:8081/, https://b:8443/apis/ccompat/v7/";

        // When parsed
        RegistryClientConfig config = RegistryClientConfig.of(urls);

        // Then each URL is kept, normalised, in order; timeouts are bounded by default
        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"),
                URI.create("https://b:8443/apis/ccompat/v7"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.credentials()).isNull();
    }

    @Test
    void shouldAcceptAListAndKafkaPasswordValues() {
        // Given values typed as Kafka's ConfigDef would hand them over
        Map<String, Object> configs = Map.of(
                "schema.registry.url", List.of("http://a:1", "http://b:2"),
                "basic.auth.credentials.source", "user_info",
                "basic.auth.user.info", new Password("u:p"),
                "http.connect.timeout.ms", 1500);

        // When parsed / Then the list is read, the Password unwrapped, the number taken
        RegistryClientConfig config = RegistryClientConfig.from(configs);
        assertThat(config.urls()).hasSize(2);
        assertThat(config.credentials()).isEqualTo(new BasicAuthCredentials("u", "p"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        // Given credentials and store passwords
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(
                "schema.registry.url", "https://r:1",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc:top-secret",
                "schema.registry.ssl.truststore.password", "store-secret"));

        // When printed / Then no secret shows, but the user and the settings do
        assertThat(config.toString()).contains("svc").doesNotContain("top-secret").doesNotContain("store-secret");
    }

    @Test
    void shouldRejectMissingOrContradictorySettingsNamingThem() {
        // Given / When / Then
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.credentials.source");
        assertThatThrownBy(() -> RegistryClientConfig.of("ftp://r:1"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://r:1",
                "http.read.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.read.timeout.ms");
    }

    @Test
    void shouldChooseTheMockForMockUrlsAndRestOtherwise() {
        // Given / When / Then
        assertThat(SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://cfg-test")))
                .isSameAs(MockSchemaRegistryClient.forScope("cfg-test"));
        assertThat(SchemaRegistryClients.create(Map.of("schema.registry.url", "http://127.0.0.1:1")))
                .isInstanceOf(RestSchemaRegistryClient.class);
        MockSchemaRegistryClient.drop("cfg-test");
    }
}
