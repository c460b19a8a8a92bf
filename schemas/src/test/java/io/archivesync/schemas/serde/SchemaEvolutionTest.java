package io.archivesync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.schemas.registry.MockSchemaRegistryClient;

/**
 * Producers and consumers upgrade at different times, so a consumer must read what an older (or newer) producer
 * wrote. These tests write with a writer schema that differs from the generated class's and read with it.
 */
class SchemaEvolutionTest {

    private static final String TOPIC = "file-sync-requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String scope = "evolution-" + UUID.randomUUID();
    private final MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistryClient.drop(scope);
    }

    @Test
    void shouldReadARecordFromAnOlderProducerWithTheNewFieldsDefault() throws IOException {
        // Given the FileSyncRequest schema as it was before "attributes" was added, and a record written with it
        Schema older = variant(fields -> removeField(fields, "attributes"));
        GenericRecord written = olderRequest(older, "r-old");
        byte[] bytes = frame(older, written);

        // When the current consumer reads it
        FileSyncRequest read = new SpecificAvroDeserializer<>(registry, FileSyncRequest.class).deserialize(TOPIC, bytes);

        // Then the missing field takes its default and everything else carries over
        assertThat(read.getAttributes()).isEmpty();
        assertThat(read.getRequestId()).isEqualTo("r-old");
        assertThat(read.getRequestedAt()).isEqualTo(TestRecords.REQUESTED_AT);
        assertThat(read.getDestination().getKey()).isEqualTo("k");
        assertThat(read.getOrigin().name()).isEqualTo("API");
    }

    @Test
    void shouldReadARecordFromANewerProducerIgnoringItsExtraField() throws IOException {
        // Given a newer schema with an extra optional field, and a record using it
        Schema newer = variant(fields -> fields.addObject().put("name", "priority").put("type", "int")
                .put("default", 0));
        GenericRecord written = olderRequest(newer, "r-new");
        written.put("attributes", java.util.Map.of("job", "j"));
        written.put("priority", 9);

        // When the current consumer reads it (class inferred, as a reflectively created serde would)
        FileSyncRequest read = new SpecificAvroDeserializer<FileSyncRequest>(registry)
                .deserialize(TOPIC, frame(newer, written));

        // Then the unknown field is skipped and the known ones are read
        assertThat(read.getRequestId()).isEqualTo("r-new");
        assertThat(read.getAttributes()).containsEntry("job", "j");
    }

    @Test
    void shouldRefuseAWriterSchemaTheReaderCannotResolve() throws IOException {
        // Given a writer whose requestId is a long, which no string reader can take
        Schema incompatible = variant(fields -> fields.forEach(f -> {
            if ("requestId".equals(f.get("name").asText())) {
                ((ObjectNode) f).put("type", "long");
            }
        }));
        GenericRecord written = olderRequest(incompatible, null);
        written.put("requestId", 17L);
        written.put("attributes", java.util.Map.of());
        byte[] bytes = frame(incompatible, written);

        // When read / Then the failure is a SerializationException naming the problem, not a crash
        assertThatThrownBy(() -> new SpecificAvroDeserializer<>(registry, FileSyncRequest.class)
                .deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot be read as io.archivesync.avro.FileSyncRequest")
                .hasMessageContaining("/fields/0/type");
    }

    /** The current schema with its field list edited; the nested named types stay as they are. */
    private static Schema variant(Consumer<ArrayNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(FileSyncRequest.getClassSchema().toString());
        edit.accept((ArrayNode) root.get("fields"));
        return new Schema.Parser().parse(JSON.writeValueAsString(root));
    }

    private static void removeField(ArrayNode fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (name.equals(fields.get(i).get("name").asText())) {
                fields.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }

    private static GenericRecord olderRequest(Schema schema, String requestId) {
        GenericRecord source = new GenericData.Record(schema.getField("source").schema());
        source.put("uri", "s3://bucket/k");
        source.put("anonymous", false);
        GenericRecord destination = new GenericData.Record(schema.getField("destination").schema());
        destination.put("bucket", "mirror");
        destination.put("key", "k");
        GenericRecord record = new GenericData.Record(schema);
        record.put("requestId", requestId);
        record.put("source", source);
        record.put("destination", destination);
        record.put("origin", new GenericData.EnumSymbol(schema.getField("origin").schema(), "API"));
        record.put("requestedAt", TestRecords.REQUESTED_AT.toEpochMilli());
        return record;
    }

    /** Registers the writer schema and frames the record as a producer holding that schema would. */
    private byte[] frame(Schema writer, GenericRecord record) throws IOException {
        int id = registry.register(TOPIC + "-value", writer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        return ConfluentWireFormat.encode(id, out.toByteArray());
    }
}
