package io.archivesync.processor;

import io.archivesync.core.observe.Health;
import io.archivesync.core.observe.HealthCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The processor is ready when Streams is RUNNING: connected, its tasks assigned and restored, committing. While it
 * rebalances or restores state it is not, and says which state it is in.
 */
final class StreamsHealth implements HealthCheck {

    private final KafkaStreams streams;

    StreamsHealth(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health check() {
        KafkaStreams.State state = streams.state();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("streamsState", state.name());
        return state == KafkaStreams.State.RUNNING ? Health.up(facts)
                : Health.down("Kafka Streams is " + state, facts);
    }
}
