package io.archivesync.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.archivesync.schemas.registry.SchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryClients;
import io.archivesync.schemas.registry.SchemaRegistryException;

/**
 * Reads Confluent-framed Avro into generated classes, resolving the writer's schema (fetched from the registry
 * by the id in the frame) against the reader's, so records written by an older or newer producer still load,
 * with defaults for fields the writer did not have.
 *
 * <p>The reader's schema is the bound record class's; when none is bound (reflective use through the no-arg
 * constructor) it is the generated class named by the writer schema's full name. Any malformed input becomes a
 * {@link SerializationException} saying what is wrong, so a poison record can be dead-lettered with a reason.
 *
 * <p>A registry that cannot tell the writer schema (no answer, 429, 5xx, 401/403, a 404 without Confluent's
 * 40403) is not the record's fault: that {@link SchemaRegistryException} is thrown as it is, unwrapped, so a
 * caller can tell it from bad bytes and retry ({@link SchemaRegistryException#isRetriable()}) instead of
 * dead-lettering a valid record. Only an id the registry says it does not know (40403) counts as bad input.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private Class<? extends SpecificRecord> recordClass;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For reflective creation; {@link #configure} must follow. The class is inferred from each writer schema. */
    public SpecificAvroDeserializer() {
    }

    /** Uses {@code registry}; the class is inferred from each writer schema. */
    public SpecificAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** Reads into {@code recordClass}; {@link #configure} must follow to supply the registry. */
    public SpecificAvroDeserializer(Class<T> recordClass) {
        this.recordClass = recordClass;
    }

    /** Reads into {@code recordClass} using {@code registry}. */
    public SpecificAvroDeserializer(SchemaRegistryClient registry, Class<T> recordClass) {
        this.registry = registry;
        this.recordClass = recordClass;
    }

    /** Binds the reader class after reflective creation; see {@link SerdeFactory}. */
    void bindRecordClass(Class<? extends SpecificRecord> boundClass) {
        this.recordClass = boundClass;
        readers.clear();
    }

    /** Lets {@link SpecificAvroSerde} share one client (and its caches) between its serializer and deserializer. */
    void useRegistry(SchemaRegistryClient shared) {
        this.registry = shared;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig.from(configs); // validates the shared keys even though reading needs none of them
        if (registry == null) {
            registry = SchemaRegistryClients.create(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("SpecificAvroDeserializer used before configure() gave it a registry");
        }
        ConfluentWireFormat.Frame frame = ConfluentWireFormat.decode(data);
        DatumReader<T> reader = readerFor(frame.schemaId());
        BoundedDecoder decoder = new BoundedDecoder(DecoderFactory.get()
                .binaryDecoder(data, frame.payloadOffset(), frame.payloadLength(), null));
        T value;
        boolean trailing;
        try {
            value = reader.read(null, decoder);
            trailing = !decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode Avro payload of " + data.length + " bytes on topic "
                    + topic + " written with schema id " + frame.schemaId() + ": " + e, e);
        }
        if (trailing) {
            throw new SerializationException("Avro payload on topic " + topic + " has bytes left over after a "
                    + "complete record of schema id " + frame.schemaId() + ": corrupt or written with another schema");
        }
        return value;
    }

    private DatumReader<T> readerFor(int schemaId) {
        DatumReader<T> reader = readers.get(schemaId);
        if (reader != null) {
            return reader;
        }
        Schema writer;
        try {
            writer = registry.getById(schemaId);
        } catch (SchemaRegistryException e) {
            if (!blamesTheRecord(e)) {
                throw e; // an outage, throttling or refused credentials: the record may be fine, so say so
            }
            throw new SerializationException("Cannot fetch writer schema id " + schemaId + ": " + e.getMessage(), e);
        }
        Class<?> target = recordClass != null ? recordClass : inferClass(writer, schemaId);
        SpecificData model = SpecificData.getForClass(target);
        Schema readerSchema = model.getSchema(target);
        requireReadable(readerSchema, writer, schemaId);
        reader = new SpecificDatumReader<>(writer, readerSchema, model);
        DatumReader<T> raced = readers.putIfAbsent(schemaId, reader);
        return raced != null ? raced : reader;
    }

    /**
     * True when the registry answered and the answer condemns the id in this record: no schema has it (40403), or
     * the schema it names is unusable (e.g. not Avro). A bare 404 without that code is a wrong URL, not a bad id.
     */
    private static boolean blamesTheRecord(SchemaRegistryException e) {
        return e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND || e.status() >= 200 && e.status() < 300;
    }

    /** Checks resolution up front, so the error names the fields at fault rather than a decoder state. */
    private static void requireReadable(Schema reader, Schema writer, int schemaId) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            String problems = result.getResult().getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                    .collect(Collectors.joining("; "));
            throw new SerializationException("Writer schema id " + schemaId + " (" + writer.getFullName()
                    + ") cannot be read as " + reader.getFullName() + ": " + problems);
        }
    }

    private static Class<?> inferClass(Schema writer, int schemaId) {
        Class<?> found = writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
        if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
            throw new SerializationException("No generated Avro class " + writer.getFullName() + " on the classpath "
                    + "for writer schema id " + schemaId + "; bind the record class (SpecificAvroSerde.forClass)");
        }
        return found;
    }
}
