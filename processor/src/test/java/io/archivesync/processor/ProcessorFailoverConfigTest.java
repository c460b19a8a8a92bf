package io.archivesync.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProcessorFailoverConfigTest {

    @Test
    void shouldGiveTheStreamsConsumersTheShortSessionOfProcessorSessionTimeout() {
        // Given the defaults
        Properties p = streamsConfig();

        // Then a killed processor's tasks move after 10 s, not Kafka's 45 s
        assertThat(p.get("main.consumer.session.timeout.ms")).isNull();
        assertThat(p.get("consumer.session.timeout.ms")).isEqualTo(10_000);
        assertThat(p.get("consumer.heartbeat.interval.ms")).isEqualTo(3_333);
    }

    @Test
    void shouldLeaveTheSessionToKafkaPropertiesWhenTheUserSetsIt() {
        // Given the user's own session timeout
        Properties p = streamsConfig("kafka.properties={session.timeout.ms: '30000'}");

        // Then ours is not added on top
        assertThat(p.get("consumer.session.timeout.ms")).isNull();
        assertThat(p.get("session.timeout.ms")).isEqualTo("30000");
    }

    private static Properties streamsConfig(String... overrides) {
        List<String> o = new ArrayList<>(List.of("kafka.schemaRegistryUrl=mock://failover",
                "kafka.bootstrapServers=unused:9092"));
        o.addAll(List.of(overrides));
        AppConfig config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, o);
        return ProcessorService.streamsConfig(config, Topics.create(config));
    }
}
