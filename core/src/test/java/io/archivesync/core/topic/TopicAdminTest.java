package io.archivesync.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.core.config.TopicSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An unreachable broker is reported quickly, in one line that names the setting and the address tried. */
class TopicAdminTest {

    @Test
    void shouldFailWithinTheApiTimeoutNamingTheSettingAndTheAddressWhenNoBrokerAnswers() {
        // Given a port nothing listens on, and a short API timeout so that the test is quick
        Map<String, Object> clientConfig = Map.of("bootstrap.servers", "127.0.0.1:1",
                "default.api.timeout.ms", "2000", "request.timeout.ms", "1000");
        long start = System.nanoTime();

        // When / Then
        assertThatThrownBy(() -> TopicAdmin.ensureTopics(clientConfig, new TopicSettings("t.", 1, (short) 1, true),
                List.of()))
                .hasMessageStartingWith("cannot reach Kafka at kafka.bootstrapServers=127.0.0.1:1 within 2s "
                        + "to create topics")
                .hasMessageContaining("Fix kafka.bootstrapServers");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldBoundTheAdminTimeoutsUnlessKafkaPropertiesSetThem() {
        // Given / When
        Map<String, Object> defaults = TopicAdmin.adminConfig(Map.of("bootstrap.servers", "b:9092"));
        Map<String, Object> slowRequests = TopicAdmin.adminConfig(Map.of("bootstrap.servers", "b:9092",
                "request.timeout.ms", "30000"));

        // Then the admin client's minute becomes 15 s, and a longer request timeout keeps the API timeout above it
        assertThat(defaults).containsEntry("default.api.timeout.ms", 15_000).containsEntry("request.timeout.ms", 7_000);
        assertThat(slowRequests).containsEntry("default.api.timeout.ms", 30_000);
    }
}
