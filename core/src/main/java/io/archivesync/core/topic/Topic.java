package io.archivesync.core.topic;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name travelling with the serdes of its keys and values, so no code names a topic as a loose string or
 * reads it with the wrong serde; and with the topic-level settings it is created with ({@code cleanup.policy=compact}
 * for a topic that keeps the last value per key), so {@link TopicAdmin} needs to know no topic by name.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        configs = Map.copyOf(Objects.requireNonNull(configs, "configs"));
    }

    /** A topic with the broker's default settings (deleted after its retention). */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, keySerde, valueSerde, Map.of());
    }

    /** A compacted topic: the broker keeps the last value of each key, and a null value (a tombstone) removes it. */
    public static <K, V> Topic<K, V> compacted(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        return new Topic<>(name, keySerde, valueSerde, Map.of("cleanup.policy", "compact"));
    }
}
