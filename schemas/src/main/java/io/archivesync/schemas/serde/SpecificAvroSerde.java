package io.archivesync.schemas.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.archivesync.schemas.registry.SchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryClients;

/**
 * {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer} as one Kafka {@link Serde}, sharing one
 * registry client so ids learnt while writing are known when reading. Configured with Confluent's keys, so it
 * can stand in for Confluent's {@code SpecificAvroSerde} and vice versa (see {@link SerdeFactory}).
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;
    private SchemaRegistryClient registry;

    /** For reflective creation; {@link #configure} must follow. Reads infer the class from the writer schema. */
    public SpecificAvroSerde() {
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /** Uses {@code registry}; {@link #configure} is then optional. */
    public SpecificAvroSerde(SchemaRegistryClient registry) {
        this.registry = registry;
        this.serializer = new SpecificAvroSerializer<>(registry);
        this.deserializer = new SpecificAvroDeserializer<>(registry);
    }

    private SpecificAvroSerde(SchemaRegistryClient registry, Class<T> recordClass) {
        this.registry = registry;
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>(recordClass);
        if (registry != null) {
            useRegistry(registry);
        }
    }

    /** A serde reading into {@code recordClass}; {@link #configure} must follow to supply the registry. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> forClass(Class<T> recordClass) {
        return new SpecificAvroSerde<>(null, recordClass);
    }

    /** A serde reading into {@code recordClass} using {@code registry}; ready without {@link #configure}. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> forClass(Class<T> recordClass,
                                                                          SchemaRegistryClient registry) {
        return new SpecificAvroSerde<>(registry, recordClass);
    }

    /** Binds the reader class after reflective creation; see {@link SerdeFactory}. */
    void bindRecordClass(Class<? extends SpecificRecord> recordClass) {
        deserializer.bindRecordClass(recordClass);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SchemaRegistryClients.create(configs);
        }
        useRegistry(registry);
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    private void useRegistry(SchemaRegistryClient shared) {
        serializer.useRegistry(shared);
        deserializer.useRegistry(shared);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
