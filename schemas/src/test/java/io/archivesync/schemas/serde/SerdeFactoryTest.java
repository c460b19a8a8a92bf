package io.archivesync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.schemas.registry.MockSchemaRegistryClient;

class SerdeFactoryTest {

    private final String scope = "factory-" + UUID.randomUUID();
    private final Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistryClient.drop(scope);
    }

    @Test
    void shouldCreateOurSerdeBoundToTheRecordClassWhenNoClassIsNamed() {
        // Given no serde class in configuration
        // When the factory creates the serde
        Serde<FileSyncRequest> serde = SerdeFactory.create(null, FileSyncRequest.class, configs, false);

        // Then it is ours, configured, and reads into the bound class
        assertThat(serde).isInstanceOf(SpecificAvroSerde.class);
        assertThat(SerdeFactory.DEFAULT_SERDE_CLASS).isEqualTo(SpecificAvroSerde.class.getName());
        FileSyncRequest request = TestRecords.fileSyncRequest("f-1");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", request)))
                .isEqualTo(request);
    }

    @Test
    void shouldCreateAndConfigureAnotherSerdeNamedByClass() {
        // Given configuration naming a different Serde (standing in for Confluent's)
        String name = RecordingSerde.class.getName();

        // When the factory creates it
        Serde<FileSyncRequest> serde = SerdeFactory.create(name, FileSyncRequest.class, configs, true);

        // Then it was built by its no-arg constructor and configured, asked to read specific records
        assertThat(serde).isInstanceOf(RecordingSerde.class);
        RecordingSerde recording = (RecordingSerde) serde;
        assertThat(recording.isKey).isTrue();
        assertThat(recording.configs).containsEntry(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true")
                .containsEntry(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    }

    @Test
    void shouldFailClearlyWhenTheClassIsMissing() {
        // Given Confluent's serde named but absent from the classpath
        String name = "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde";

        // When / Then the message names the class and the reason
        assertThatThrownBy(() -> SerdeFactory.create(name, FileSyncRequest.class, configs, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("not on the classpath");
    }

    @Test
    void shouldFailClearlyWhenTheClassIsNotASerde() {
        // Given a class that exists but is no Serde / When / Then
        assertThatThrownBy(() -> SerdeFactory.create("java.lang.String", FileSyncRequest.class, configs, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("does not implement");
    }

    @Test
    void shouldRefuseANonAvroRecordClassForOurSerde() {
        // Given our Avro serde asked to handle plain strings / When / Then
        assertThatThrownBy(() -> SerdeFactory.create(null, String.class, configs, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SpecificRecord");
    }

    /** A serde recording how it was configured; public with a no-arg constructor, as the factory requires. */
    public static final class RecordingSerde extends Serdes.WrapperSerde<FileSyncRequest> {
        Map<String, Object> configs;
        boolean isKey;

        public RecordingSerde() {
            super(new SpecificAvroSerializer<>(), new SpecificAvroDeserializer<>());
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            this.configs = Map.copyOf(configs);
            this.isKey = isKey;
        }
    }
}
