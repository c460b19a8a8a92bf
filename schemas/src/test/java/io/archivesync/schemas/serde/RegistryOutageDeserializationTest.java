package io.archivesync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.schemas.registry.MockSchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryException;

/**
 * A registry that cannot be asked is not a bad record: the deserializer lets callers tell the two apart, so a valid
 * record is retried rather than dead-lettered.
 */
class RegistryOutageDeserializationTest {

    private static final String TOPIC = "archive-sync.requests";
    private static final String SCOPE = "outage-test";

    @AfterEach
    void dropMockRegistry() {
        MockSchemaRegistryClient.drop(SCOPE);
    }

    @Test
    void shouldSurfaceAnUnreachableRegistryAsARetriableRegistryFault() throws IOException {
        // Given a valid record, and a deserializer (cold cache) whose registry is on a closed port
        SpecificAvroSerde<FileSyncRequest> writer = SpecificAvroSerde.forClass(FileSyncRequest.class);
        writer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
        byte[] valid = writer.serializer().serialize(TOPIC, TestRecords.fileSyncRequest("r-1"));
        SpecificAvroDeserializer<FileSyncRequest> reader = new SpecificAvroDeserializer<>(FileSyncRequest.class);
        reader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + closedPort()), false);

        // When it is read / Then the failure is the registry's, retriable, and not a SerializationException
        assertThatThrownBy(() -> reader.deserialize(TOPIC, valid))
                .isNotInstanceOf(SerializationException.class)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                });
    }

    @Test
    void shouldStillBlameTheRecordForAnIdTheRegistryDoesNotKnow() {
        // Given a registry that answers, and a record framed with an id it never issued
        SpecificAvroDeserializer<FileSyncRequest> reader = new SpecificAvroDeserializer<>(FileSyncRequest.class);
        reader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);

        // When it is read / Then it is the record's fault: a SerializationException carrying the 40403
        assertThatThrownBy(() -> reader.deserialize(TOPIC, ConfluentWireFormat.encode(4242, new byte[] {2})))
                .isInstanceOf(SerializationException.class)
                .hasCauseInstanceOf(SchemaRegistryException.class);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
