package io.archivesync.core.config;

import java.util.HashMap;
import java.util.Map;

/**
 * How to reach Kafka and the schema registry.
 *
 * @param bootstrapServers  the brokers
 * @param schemaRegistryUrl the Confluent-compatible registry API (several may be comma-separated), or
 *                          {@code mock://scope} for an in-memory registry
 * @param valueSerde        the Avro serde class; our own by default, Confluent's
 *                          {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} works too
 * @param registry          extra serde settings passed as they are ({@code basic.auth.user.info},
 *                          {@code schema.registry.ssl.truststore.location}, ...)
 * @param properties        extra Kafka client settings passed to every client (security, timeouts)
 */
public record KafkaSettings(
        String bootstrapServers,
        String schemaRegistryUrl,
        String valueSerde,
        Map<String, String> registry,
        Map<String, String> properties) {

    public KafkaSettings {
        bootstrapServers = Check.notBlank("kafka.bootstrapServers", bootstrapServers);
        schemaRegistryUrl = Check.notBlank("kafka.schemaRegistryUrl", schemaRegistryUrl);
        valueSerde = Check.notBlank("kafka.valueSerde", valueSerde);
        registry = registry == null ? Map.of() : Map.copyOf(registry);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (properties.containsKey("bootstrap.servers")) {
            throw new ConfigException("kafka.properties.bootstrap.servers",
                    "contradicts kafka.bootstrapServers; set the brokers there only");
        }
    }

    /** The settings every serde receives: the registry URL and the pass-through registry settings. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>(registry);
        config.put("schema.registry.url", schemaRegistryUrl);
        return config;
    }

    /** The settings every Kafka client starts from. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(properties);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }
}
