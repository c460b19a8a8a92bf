package io.archivesync.core.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name travelling with the serdes of its keys and values, so no code names a topic as a loose string or
 * reads it with the wrong serde.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }
}
