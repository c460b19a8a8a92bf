package io.archivesync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.schemas.registry.MockSchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryException;

class SpecificAvroSerdeTest {

    private static final String TOPIC = "file-sync-requests";

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistryClient.drop(scope);
    }

    @Test
    void shouldRoundTripFileSyncRequestThroughTheMockRegistry() {
        // Given a serde bound to the generated class and configured like Confluent's, with a mock:// registry
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(configs, false);
        FileSyncRequest request = TestRecords.fileSyncRequest("r-1");

        // When serialized and deserialized
        byte[] bytes = serde.serializer().serialize(TOPIC, request);
        FileSyncRequest back = serde.deserializer().deserialize(TOPIC, bytes);

        // Then the bytes carry the id registered under <topic>-value, and the record survives intact
        int id = MockSchemaRegistryClient.forScope(scope).getId(TOPIC + "-value",
                PublishedSchemas.of(FileSyncRequest.getClassSchema()));
        assertThat(ConfluentWireFormat.decode(bytes).schemaId()).isEqualTo(id);
        assertThat(back).isEqualTo(request);
        assertThat(back.getRequestedAt()).isEqualTo(TestRecords.REQUESTED_AT);
    }

    @Test
    void shouldRoundTripCopyResultWithANoArgSerdeInferringTheClass() {
        // Given a serde created reflectively-style, with no class bound
        SpecificAvroSerde<CopyResult> serde = new SpecificAvroSerde<>();
        serde.configure(configs, false);
        CopyResult result = TestRecords.copyResult("r-2");

        // When round-tripped
        CopyResult back = serde.deserializer().deserialize("copy-results",
                serde.serializer().serialize("copy-results", result));

        // Then the reader class was found from the writer schema's full name
        assertThat(back).isInstanceOf(CopyResult.class).isEqualTo(result);
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() {
        // Given a serializer configured for keys
        SpecificAvroSerializer<CopyResult> serializer = new SpecificAvroSerializer<>();
        serializer.configure(configs, true);

        // When it writes a record
        serializer.serialize("copy-results", TestRecords.copyResult("r-3"));

        // Then TopicNameStrategy put the schema under <topic>-key, not -value
        MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);
        assertThat(registry.getId("copy-results-key", PublishedSchemas.of(CopyResult.getClassSchema()))).isPositive();
        assertThatThrownBy(() -> registry.getId("copy-results-value",
                PublishedSchemas.of(CopyResult.getClassSchema())))
                .isInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldPassNullThroughBothWays() {
        // Given a configured serde
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(configs, false);

        // When given null (a tombstone) / Then null comes out
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldOnlyLookUpTheIdWhenAutoRegisterIsOff() {
        // Given a serializer that must not register, and a registry without the schema
        SpecificAvroSerializer<FileSyncRequest> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        FileSyncRequest request = TestRecords.fileSyncRequest("r-4");

        // When writing / Then it fails saying the lookup failed, registering nothing
        assertThatThrownBy(() -> serializer.serialize(TOPIC, request))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("look up")
                .hasMessageContaining(TOPIC + "-value")
                .hasCauseInstanceOf(SchemaRegistryException.class);

        // And when the published schema has been registered by someone else, the same serializer uses its id
        int id = MockSchemaRegistryClient.forScope(scope).register(TOPIC + "-value", PublishedAvsc.parse(
                "FileSyncRequest"));
        assertThat(ConfluentWireFormat.decode(serializer.serialize(TOPIC, request)).schemaId()).isEqualTo(id);
    }

    @Test
    void shouldRejectATruncatedPayloadWithAClearMessage() {
        // Given a valid record cut short
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(configs, false);
        byte[] bytes = serde.serializer().serialize(TOPIC, TestRecords.fileSyncRequest("r-5"));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        // When read / Then a SerializationException names the topic and schema id
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode Avro payload")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void shouldRejectBytesLeftOverAfterTheRecord() {
        // Given a valid record with junk appended
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(configs, false);
        byte[] bytes = serde.serializer().serialize(TOPIC, TestRecords.fileSyncRequest("r-6"));
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);

        // When read / Then it is refused rather than silently accepted
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("left over");
    }

    @Test
    void shouldRejectAnUnknownSchemaId() {
        // Given a well-framed message whose schema id the registry never issued
        SpecificAvroDeserializer<FileSyncRequest> deserializer = new SpecificAvroDeserializer<>(FileSyncRequest.class);
        deserializer.configure(configs, false);

        // When read / Then the message names the id
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, ConfluentWireFormat.encode(4242, new byte[] {2})))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 4242");
    }

    @Test
    void shouldNeverThrowAnythingButSerializationExceptionOnGarbage() {
        // Given a registered schema id and thousands of random payloads behind it
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(configs, false);
        byte[] valid = serde.serializer().serialize(TOPIC, TestRecords.fileSyncRequest("r-7"));
        java.util.Random random = new java.util.Random(20240301);

        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = valid.clone();
            // When bytes after the header are corrupted (flipped, or the payload replaced by noise)
            if (i % 2 == 0) {
                garbage[5 + random.nextInt(garbage.length - 5)] ^= (byte) (1 + random.nextInt(255));
            } else {
                byte[] noise = new byte[random.nextInt(64)];
                random.nextBytes(noise);
                garbage = ConfluentWireFormat.encode(ConfluentWireFormat.decode(valid).schemaId(), noise);
            }
            byte[] input = garbage;
            // Then decoding either succeeds or fails with a SerializationException, never NPE/AIOOBE/OOM
            try {
                serde.deserializer().deserialize(TOPIC, input);
            } catch (SerializationException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void shouldRejectAnAbsurdStringLengthInsteadOfAllocatingIt() throws java.io.IOException {
        // Given a registered schema and a payload whose first string (requestId) claims to be 1 GiB long
        int id = MockSchemaRegistryClient.forScope(scope).register(TOPIC + "-value", FileSyncRequest.getClassSchema());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.apache.avro.io.BinaryEncoder encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeLong(1L << 30);
        encoder.flush();
        byte[] bytes = ConfluentWireFormat.encode(id, out.toByteArray());
        SpecificAvroDeserializer<FileSyncRequest> deserializer = new SpecificAvroDeserializer<>(FileSyncRequest.class);
        deserializer.configure(configs, false);

        // When read / Then the length is refused against the bytes left, rather than risking OutOfMemoryError
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("string length 1073741824 with only 0 bytes left");
    }

    @Test
    void shouldFailClearlyWhenUsedUnconfigured() {
        // Given a serializer built reflectively but never configured
        SpecificAvroSerializer<FileSyncRequest> serializer = new SpecificAvroSerializer<>();

        // When used / Then the message says configure() is missing
        assertThatThrownBy(() -> serializer.serialize(TOPIC, TestRecords.fileSyncRequest("r-8")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("configure()");
    }
}
