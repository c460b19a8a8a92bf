package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentKafkaIT {

    @Test
    void shouldKeepTopicsAndRecordsAcrossARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        // Given a persistent broker that received a record, then stopped
        String clusterId;
        try (EmbeddedKafka first = EmbeddedKafka.startPersistent(dir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>("kept", "k", "v")).get();
            clusterId = admin.describeCluster().clusterId().get();
        }
        assertThat(Files.exists(dir.resolve("data").resolve("meta.properties"))).isTrue();

        // When it starts again on the same directory (new ports)
        try (EmbeddedKafka second = EmbeddedKafka.startPersistent(dir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     second.bootstrapServers()));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()),
                     new StringDeserializer(), new StringDeserializer())) {
            // Then it is the same cluster, with its topic and record
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get()).contains("kept");
            TopicPartition partition = new TopicPartition("kept", 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            assertThat(consumer.poll(Duration.ofSeconds(10))).extracting(r -> r.value()).containsExactly("v");
        }
    }
}
