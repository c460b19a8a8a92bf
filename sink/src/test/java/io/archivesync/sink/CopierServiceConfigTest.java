package io.archivesync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** The copier's consumer settings: failover within the configured session timeout, not Kafka's 45 s. */
class CopierServiceConfigTest {

    @Test
    void shouldFailOverWithinTheConfiguredSessionTimeoutHeartbeatingAtAThirdOfIt() {
        // Given the shipped defaults
        AppConfig config = load();

        // When
        Map<String, Object> consumer = CopierService.consumerConfig(config);

        // Then
        assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333);
    }

    @Test
    void shouldTakeTheSessionTimeoutFromTheSetting() {
        // Given
        AppConfig config = load("sink.sessionTimeout=30s");

        // When
        Map<String, Object> consumer = CopierService.consumerConfig(config);

        // Then
        assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 10_000);
    }

    @Test
    void shouldLeaveBothToTheBrokerUnderTheNewGroupProtocol() {
        // Given the KIP-848 protocol, where the client may not set them
        AppConfig config = load("kafka.properties={group.protocol: consumer}");

        // When
        Map<String, Object> consumer = CopierService.consumerConfig(config);

        // Then
        assertThat(consumer).doesNotContainKeys(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
    }

    private static AppConfig load(String... overrides) {
        return new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null, List.of(overrides));
    }
}
