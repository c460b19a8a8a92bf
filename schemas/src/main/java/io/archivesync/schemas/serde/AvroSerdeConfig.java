package io.archivesync.schemas.serde;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;

import io.archivesync.schemas.registry.RegistryClientConfig;

/**
 * The serde's own settings, under Confluent's keys so one configuration serves our serde and Confluent's.
 * Registry connection settings ({@code schema.registry.url}, {@code basic.auth.*}, {@code schema.registry.ssl.*})
 * are read by {@link RegistryClientConfig}.
 *
 * @param autoRegisterSchemas register the record's schema on first use (true), or only look its id up (false,
 *                            for producers whose schemas are registered by a deployment pipeline)
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas) {

    /** See {@link RegistryClientConfig#SCHEMA_REGISTRY_URL}. */
    public static final String SCHEMA_REGISTRY_URL = RegistryClientConfig.SCHEMA_REGISTRY_URL;
    /** Default true. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Accepted for compatibility with Confluent's configuration; this serde always reads specific records. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    /** Parses the serde settings, rejecting values that are not booleans. */
    public static AvroSerdeConfig from(Map<String, ?> configs) {
        return new AvroSerdeConfig(bool(configs, AUTO_REGISTER_SCHEMAS, true));
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "expected true or false");
    }

    /**
     * Confluent's default {@code TopicNameStrategy}: the subject of a topic's values is {@code <topic>-value},
     * of its keys {@code <topic>-key}.
     */
    public static String subjectName(String topic, boolean isKey) {
        if (topic == null) {
            throw new SerializationException("A topic name is needed to derive the schema registry subject");
        }
        return topic + (isKey ? "-key" : "-value");
    }
}
