package io.archivesync.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.processor.errors.Backoff;
import io.archivesync.processor.errors.DeserializationFaultHandler;
import io.archivesync.processor.errors.ProcessingFaultHandler;
import io.archivesync.processor.errors.TransientFaultException;
import io.archivesync.schemas.registry.MockSchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryException;
import io.archivesync.schemas.serde.AvroSerdeConfig;
import io.archivesync.schemas.serde.SpecificAvroDeserializer;
import io.archivesync.schemas.serde.SpecificAvroSerde;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The validator alone in a topology, with the service's exception handlers: a registry outage fails the task
 * (so exactly-once replays the record) instead of dead-lettering a valid request; bad bytes are still refused.
 */
class ValidateRequestProcessorTest {

    private static final String TOPIC = "requests";
    private static final String SCOPE = "validate-test";
    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(2));

    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistryClient.drop(SCOPE);
    }

    @Test
    void shouldRethrowARegistryOutageInsteadOfDeadLetteringAValidRequest() throws IOException {
        // Given a valid request, and a validator whose registry (cold cache) is on a closed port
        byte[] valid = validBytes();
        TestOutputTopic<String, String> out = start(deserializer("http://127.0.0.1:" + closedPort()));

        // When the request arrives / Then the task fails with the outage, and nothing is refused
        assertThatThrownBy(() -> input().pipeInput("lake/mirror/a.zip", valid))
                .satisfies(e -> assertThat(causes(e)).anyMatch(TransientFaultException.class::isInstance)
                        .anyMatch(c -> c instanceof SchemaRegistryException r && r.isRetriable()));
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void shouldStillDeadLetterBytesThatAreNotTheWireFormat() {
        // Given a validator whose registry answers
        TestOutputTopic<String, String> out = start(deserializer("mock://" + SCOPE));

        // When plain JSON and an unknown schema id arrive
        input().pipeInput("k1", "{\"requestId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        input().pipeInput("k2", new byte[] {0, 0, 0, 0x10, 0x42, 2});

        // Then both are refused as undeserializable, and the stream goes on
        assertThat(out.readValuesToList()).containsExactly("DESERIALIZATION", "DESERIALIZATION");
    }

    @Test
    void shouldPassAValidRequestWhenTheRegistryAnswers() {
        // Given a validator whose registry answers / When a valid request arrives / Then it is accepted
        byte[] valid = validBytes();
        TestOutputTopic<String, String> out = start(deserializer("mock://" + SCOPE));
        input().pipeInput("lake/mirror/a.zip", valid);
        assertThat(out.readValuesToList()).containsExactly("VALID");
    }

    private TestOutputTopic<String, String> start(Deserializer<FileSyncRequest> deserializer) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .processValues(() -> new ValidateRequestProcessor(TOPIC, deserializer,
                        new RequestValidator(List.of(), 786_432), FAST), Named.as("validate-request"))
                .mapValues(v -> v.isValid() ? "VALID" : v.kind())
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "validate-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeserializationFaultHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingFaultHandler.class);
        props.put(ProcessingFaultHandler.REQUEST_TOPICS, TOPIC);
        props.put(ProcessingFaultHandler.DEAD_LETTER_TOPIC, "requests-dlq");
        driver = new TopologyTestDriver(builder.build(), props);
        return driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
    }

    private TestInputTopic<String, byte[]> input() {
        return driver.createInputTopic(TOPIC, new StringSerializer(), new ByteArraySerializer());
    }

    private static Deserializer<FileSyncRequest> deserializer(String registryUrl) {
        SpecificAvroDeserializer<FileSyncRequest> deserializer = new SpecificAvroDeserializer<>(FileSyncRequest.class);
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return deserializer;
    }

    private static byte[] validBytes() {
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
        return serde.serializer().serialize(TOPIC, FileSyncRequest.newBuilder()
                .setRequestId("r-1")
                .setSource(SourceLocation.newBuilder().setUri("s3://data.binance.vision/a.zip").build())
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("mirror/a.zip").build())
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(Instant.parse("2024-01-08T00:00:00Z"))
                .setAttributes(Map.of())
                .build());
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && all.size() < 16; t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
