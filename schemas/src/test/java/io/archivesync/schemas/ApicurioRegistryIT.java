package io.archivesync.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.schemas.registry.RegistryClientConfig;
import io.archivesync.schemas.registry.RestSchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryException;
import io.archivesync.schemas.serde.AvroSerdeConfig;
import io.archivesync.schemas.serde.ConfluentWireFormat;
import io.archivesync.schemas.serde.PublishedSchemas;
import io.archivesync.schemas.serde.SpecificAvroDeserializer;
import io.archivesync.schemas.serde.SpecificAvroSerde;
import io.archivesync.schemas.serde.SpecificAvroSerializer;
import io.archivesync.schemas.serde.TestRecords;

/**
 * The serde and REST client against a real registry speaking Confluent's API (Apicurio's {@code ccompat/v7}),
 * so ids, compatibility refusals and error bodies are the server's, not our assumptions.
 */
@ExtendWith(StackExtension.class)
class ApicurioRegistryIT {

    private static final Schema ORDER_V1 = SchemaBuilder.record("Order").namespace("it.evolution").fields()
            .requiredString("id").endRecord();
    private static final Schema ORDER_V2_OPTIONAL = SchemaBuilder.record("Order").namespace("it.evolution").fields()
            .requiredString("id").name("note").type().stringType().stringDefault("").endRecord();
    private static final Schema ORDER_V2_REQUIRED = SchemaBuilder.record("Order").namespace("it.evolution").fields()
            .requiredString("id").requiredInt("quantity").endRecord();

    private final String registryUrl;

    ApicurioRegistryIT(Stack stack) {
        this.registryUrl = stack.schemaRegistryUrl();
    }

    @Test
    void shouldRoundTripThroughTheSerdesWithIdsIssuedByTheRegistry() {
        // Given a serde configured only by Confluent's keys, pointing at the real registry
        String topic = unique("requests");
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        FileSyncRequest request = TestRecords.fileSyncRequest("it-1");

        // When a record is serialized and deserialized
        byte[] bytes = serde.serializer().serialize(topic, request);
        FileSyncRequest back = serde.deserializer().deserialize(topic, bytes);

        // Then it survives, and the id in its header is the one the registry holds under <topic>-value
        assertThat(back).isEqualTo(request);
        RestSchemaRegistryClient other = newClient();
        int id = ConfluentWireFormat.decode(bytes).schemaId();
        Schema published = PublishedSchemas.of(FileSyncRequest.getClassSchema());
        assertThat(other.getId(topic + "-value", published)).isEqualTo(id);
        assertThat(other.getById(id)).isEqualTo(published);
    }

    @Test
    void shouldProduceAndConsumeThroughABrokerWithSerdesNamedInClientConfig(Stack stack) throws Exception {
        // Given a topic (the broker does not auto-create), and a producer and a consumer that create our serdes
        // reflectively, as Kafka does from config
        String topic = unique("results");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, SpecificAvroSerializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, unique("group"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, SpecificAvroDeserializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        CopyResult result = TestRecords.copyResult("it-2");

        // When a record is produced and consumed
        try (KafkaProducer<String, CopyResult> producer = new KafkaProducer<>(producerConfig);
             KafkaConsumer<String, CopyResult> consumer = new KafkaConsumer<>(consumerConfig)) {
            producer.send(new ProducerRecord<>(topic, "mirror/key", result)).get();
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, CopyResult> consumed = pollOne(consumer);

            // Then the consumer, inferring the class from the writer schema, gets the same record back
            assertThat(consumed.value()).isEqualTo(result);
        }
    }

    @Test
    void shouldAcceptACompatibleEvolutionUnderBackward() {
        // Given a subject with one version and BACKWARD compatibility (Apicurio's default is NONE)
        String subject = unique("orders") + "-value";
        RestSchemaRegistryClient client = newClient();
        int v1 = client.register(subject, ORDER_V1);
        client.setCompatibility(subject, "BACKWARD");

        // When a version adding an optional field with a default is tested and registered
        boolean compatible = client.testCompatibility(subject, ORDER_V2_OPTIONAL);
        int v2 = client.register(subject, ORDER_V2_OPTIONAL);

        // Then the registry accepts it as a new schema
        assertThat(compatible).isTrue();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(newClient().getById(v2)).isEqualTo(ORDER_V2_OPTIONAL);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWith409() {
        // Given a BACKWARD subject with one version
        String subject = unique("orders") + "-value";
        RestSchemaRegistryClient client = newClient();
        client.register(subject, ORDER_V1);
        client.setCompatibility(subject, "BACKWARD");

        // When a version adds a required field without a default (new readers cannot read old records)
        // Then the test endpoint says no, and registering fails with the registry's 409
        assertThat(client.testCompatibility(subject, ORDER_V2_REQUIRED)).isFalse();
        assertThatThrownBy(() -> client.register(subject, ORDER_V2_REQUIRED))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains(registryUrl).contains("HTTP 409");
                });
    }

    @Test
    void shouldFetchByIdASchemaRegisteredByAnotherClient() {
        // Given a schema registered by one client
        String subject = unique("fetch") + "-value";
        int id = newClient().register(subject, CopyResult.getClassSchema());

        // When a fresh client, with empty caches, asks for it by id and by content
        RestSchemaRegistryClient fresh = newClient();

        // Then both answers come from the registry and agree
        assertThat(fresh.getById(id)).isEqualTo(CopyResult.getClassSchema());
        assertThat(fresh.getId(subject, CopyResult.getClassSchema())).isEqualTo(id);
    }

    @Test
    void shouldReportUnknownIdsAndSubjectsAsNotFound() {
        // Given a client / When asking for what was never registered / Then 404 with Confluent's error codes
        RestSchemaRegistryClient client = newClient();
        assertThatThrownBy(() -> client.getById(Integer.MAX_VALUE))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                });
        assertThatThrownBy(() -> client.getId(unique("never") + "-value", ORDER_V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        assertThat(client.testCompatibility(unique("empty") + "-value", ORDER_V2_REQUIRED)).isTrue();
    }

    @Test
    void shouldTreatSettingTheGlobalLevelToNoneAsDone() {
        // Given Apicurio, which answers 404 when NONE is set globally while no global rule exists
        RestSchemaRegistryClient client = newClient();

        // When / Then setting NONE (its default) succeeds either way
        client.setCompatibility(null, "NONE");
        client.setCompatibility(null, "NONE");
    }

    private RestSchemaRegistryClient newClient() {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl));
    }

    private static ConsumerRecord<String, CopyResult> pollOne(KafkaConsumer<String, CopyResult> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, CopyResult> record : consumer.poll(Duration.ofMillis(200))) {
                return record;
            }
        }
        throw new AssertionError("no record consumed within 30 s");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
