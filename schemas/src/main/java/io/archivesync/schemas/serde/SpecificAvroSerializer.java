package io.archivesync.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import io.archivesync.schemas.registry.SchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryClients;
import io.archivesync.schemas.registry.SchemaRegistryException;

/**
 * Writes a generated Avro record in the Confluent wire format under the subject {@code <topic>-value} (or
 * {@code -key}), registering its schema on first use unless {@code auto.register.schemas=false}. The registry
 * client caches ids, so after the first record no HTTP call is made.
 *
 * <p>What it registers or looks up is the published contract ({@link PublishedSchemas}), not the generated
 * class's annotated variant, so producers built from the {@code .avsc} files and ours share one schema id.
 *
 * <p>Usable reflectively (public no-arg constructor, then {@link #configure}) or directly with a client.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean autoRegister = true;
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For reflective creation; {@link #configure} must follow. */
    public SpecificAvroSerializer() {
    }

    /** Uses {@code registry} instead of one built from configuration; {@link #configure} is then optional. */
    public SpecificAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** Lets {@link SpecificAvroSerde} share one client (and its caches) between its serializer and deserializer. */
    void useRegistry(SchemaRegistryClient shared) {
        this.registry = shared;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.from(configs).autoRegisterSchemas();
        if (registry == null) {
            registry = SchemaRegistryClients.create(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("SpecificAvroSerializer used before configure() gave it a registry");
        }
        Schema schema = record.getSchema();
        String subject = AvroSerdeConfig.subjectName(topic, isKey);
        Schema published = PublishedSchemas.of(schema);
        int id;
        try {
            id = autoRegister ? registry.register(subject, published) : registry.getId(subject, published);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot " + (autoRegister ? "register" : "look up") + " schema "
                    + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ConfluentWireFormat.header(id));
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(record, schema).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " for topic " + topic
                    + " as Avro: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private DatumWriter<T> writerFor(T record, Schema schema) {
        // The generated class's own SpecificData carries its logical-type conversions (Instant, BigDecimal).
        return writers.computeIfAbsent(schema,
                s -> new SpecificDatumWriter<>(s, SpecificData.getForClass(record.getClass())));
    }
}
