package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigLoaderDefaultsTest {

    @Test
    void shouldLoadAndValidateTheShippedDefaults() {
        // Given an empty environment, no file and no overrides
        // When
        AppConfig config = Configs.load();

        // Then every section carries the documented defaults
        assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.kafka().schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.kafka().registry()).isEmpty();
        assertThat(config.topics().prefix()).isEqualTo("archive-sync.");
        assertThat(config.topics().partitions()).isEqualTo(6);
        assertThat(config.topics().replicationFactor()).isEqualTo((short) 1);
        assertThat(config.s3().endpoint()).isNull();
        assertThat(config.s3().region()).isEqualTo("us-east-1");
        assertThat(config.s3().hasStaticCredentials()).isFalse();
        assertThat(config.s3().pathStyle()).isFalse();
        assertThat(config.producer().sourceBucket()).isEqualTo("data.binance.vision");
        assertThat(config.producer().sourceRegion()).isEqualTo("ap-northeast-1");
        assertThat(config.producer().anonymousSource()).isTrue();
        assertThat(config.producer().markets()).containsExactly("spot");
        assertThat(config.producer().symbols()).isEmpty();
        assertThat(config.producer().from()).isNull();
        assertThat(config.producer().destinationPrefix()).isEqualTo("binance/");
        assertThat(config.processor().dedupHorizon()).isEqualTo(Duration.ofHours(24));
        assertThat(config.processor().batch().maxRequests()).isEqualTo(100);
        assertThat(config.processor().batch().maxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.processor().batch().quietClose()).isEqualTo(Duration.ofMillis(150));
        assertThat(config.processor().commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.processor().stateDir()).isNull();
        assertThat(config.sink().copyTimeout()).isEqualTo(Duration.ofMinutes(10));
    }
}
