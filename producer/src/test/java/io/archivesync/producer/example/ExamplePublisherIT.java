package io.archivesync.producer.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The documented example publisher writes what archive-sync's own serde reads, keyed as the contract says. */
@ExtendWith(StackExtension.class)
class ExamplePublisherIT {

    @Test
    void shouldPublishARequestThatArchiveSyncReads(Stack stack) throws Exception {
        // Given the topics of a fresh prefix and an in-memory registry both sides share
        String run = UUID.randomUUID().toString().substring(0, 8);
        AppConfig config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                "kafka.schemaRegistryUrl=mock://example-" + run, "topics.prefix=example-" + run + ".",
                "topics.partitions=1"));
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        FileSyncRequest request = ExamplePublisher.request("s3://src/data/a.zip", "mirror", "copy/a.zip");

        // When the example publishes it
        RecordMetadata sent = ExamplePublisher.publish(stack.kafkaBootstrapServers(), "mock://example-" + run,
                topics.requests().name(), request);

        // Then the requests topic holds it under the destination key
        try (KafkaConsumer<String, FileSyncRequest> consumer = new KafkaConsumer<>(config.kafka().clientConfig(),
                new StringDeserializer(), topics.requests().valueSerde().deserializer())) {
            TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            List<ConsumerRecord<String, FileSyncRequest>> read = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            assertThat(read).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("mirror/copy/a.zip");
                assertThat(r.value()).isEqualTo(request);
            });
        }
    }
}
