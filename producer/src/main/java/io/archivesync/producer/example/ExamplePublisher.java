package io.archivesync.producer.example;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.schemas.key.RecordKey;
import io.archivesync.schemas.serde.SpecificAvroSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How a program outside archive-sync asks for a copy, with nothing but the Kafka client, the generated Avro class
 * and a Confluent-wire-format serializer (Confluent's {@code KafkaAvroSerializer} works the same way). Documented in
 * {@code docs/sync-requests.md}; compiled with the build so that it cannot drift from the contract.
 *
 * <p>Run: {@code java -cp archive-sync.jar io.archivesync.producer.example.ExamplePublisher BOOTSTRAP REGISTRY_URL
 * SOURCE_URI DEST_BUCKET DEST_KEY [TOPIC]}.
 */
public final class ExamplePublisher {

    private ExamplePublisher() {
    }

    /** Builds one request: the fields the contract requires, and the known size/ETag that make dedup exact. */
    public static FileSyncRequest request(String sourceUri, String destinationBucket, String destinationKey) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri(sourceUri).build())
                .setDestination(Destination.newBuilder().setBucket(destinationBucket).setKey(destinationKey).build())
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of("publisher", "example"))
                .build();
    }

    /** Publishes one request and waits for Kafka's acknowledgement. */
    public static RecordMetadata publish(String bootstrapServers, String registryUrl, String topic,
                                         FileSyncRequest request) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, SpecificAvroSerializer.class.getName());
        props.put("schema.registry.url", registryUrl);
        // The key is the destination: every request for one object goes to one partition, where dedup meets them.
        String key = RecordKey.of(request);
        try (KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(props)) {
            return producer.send(new ProducerRecord<>(topic, key, request)).get();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println(
                    "usage: ExamplePublisher BOOTSTRAP REGISTRY_URL SOURCE_URI DEST_BUCKET DEST_KEY [TOPIC]");
            System.exit(2);
        }
        String topic = args.length > 5 ? args[5] : "archive-sync.requests";
        RecordMetadata sent = publish(args[0], args[1], topic, request(args[2], args[3], args[4]));
        System.out.printf("published to %s-%d@%d%n", sent.topic(), sent.partition(), sent.offset());
    }
}
