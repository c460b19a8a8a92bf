package io.archivesync.schemas.serde;

import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the Avro serde named by configuration, so that a user with Confluent's own
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} on the classpath can use it instead of ours:
 * the class is loaded by name, created through its public no-arg constructor and configured; our own serde
 * additionally gets the record class bound so it reads into it.
 */
public final class SerdeFactory {

    /** The serde used when no class is named. */
    public static final String DEFAULT_SERDE_CLASS = SpecificAvroSerde.class.getName();

    private static final Logger LOGGER = LoggerFactory.getLogger(SerdeFactory.class);

    private SerdeFactory() {
    }

    /**
     * Creates and configures the serde.
     *
     * @param serdeClassName a {@link Serde} implementation with a public no-arg constructor, or null (or blank)
     *                       for {@link #DEFAULT_SERDE_CLASS}
     * @param recordClass    the generated Avro class the serde is for
     * @param configs        serde configuration (Confluent's keys)
     * @param isKey          whether the serde is for record keys (subject {@code <topic>-key})
     * @throws ConfigException when the class is missing, not a {@link Serde}, or cannot be created
     */
    public static <T> Serde<T> create(String serdeClassName, Class<T> recordClass, Map<String, ?> configs,
                                      boolean isKey) {
        String name = serdeClassName == null || serdeClassName.isBlank() ? DEFAULT_SERDE_CLASS : serdeClassName.trim();
        Serde<?> serde = instantiate(name);
        Map<String, Object> effective = new HashMap<>(configs);
        if (serde instanceof SpecificAvroSerde<?> ours) {
            if (!SpecificRecord.class.isAssignableFrom(recordClass)) {
                throw new ConfigException(name + " serializes generated Avro classes (SpecificRecord), not "
                        + recordClass.getName());
            }
            ours.bindRecordClass(recordClass.asSubclass(SpecificRecord.class));
        }
        // Confluent's serde reads GenericRecord unless told otherwise; ours ignores the key.
        effective.putIfAbsent(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        serde.configure(effective, isKey);
        LOGGER.debug("Created serde class={} recordClass={} isKey={}", name, recordClass.getName(), isKey);
        return cast(serde);
    }

    /**
     * Unchecked by necessity: the class comes from configuration, so the compiler cannot know its type argument.
     * The caller's {@code recordClass} states what the serde is configured to handle.
     */
    @SuppressWarnings("unchecked")
    private static <T> Serde<T> cast(Serde<?> serde) {
        return (Serde<T>) serde;
    }

    private static Serde<?> instantiate(String name) {
        Class<?> type;
        try {
            type = Class.forName(name, true, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("Serde class " + name + " cannot be loaded: not on the classpath (" + e + ")");
        }
        if (!Serde.class.isAssignableFrom(type)) {
            throw new ConfigException("Serde class " + name + " does not implement " + Serde.class.getName());
        }
        try {
            return (Serde<?>) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigException("Serde class " + name + " has no public no-arg constructor");
        } catch (InvocationTargetException e) {
            throw new KafkaException("Serde class " + name + " failed in its constructor: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("Serde class " + name + " cannot be instantiated: " + e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SerdeFactory.class.getClassLoader();
    }
}
