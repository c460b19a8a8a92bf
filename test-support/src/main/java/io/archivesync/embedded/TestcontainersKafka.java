package io.archivesync.embedded;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka broker in a Docker container, for machines that have Docker and want the broker out of the test JVM.
 *
 * <p>Only {@link StackSources} refers to this class, and only when {@code ARCHIVE_SYNC_KAFKA=testcontainers}, so
 * Testcontainers is never loaded (and the absence of Docker never noticed) otherwise. Its signature names none of
 * Testcontainers' types for the same reason. The broker is configured like {@link EmbeddedKafka}'s.
 */
final class TestcontainersKafka {

    static final String DEFAULT_IMAGE = "apache/kafka:3.9.1";

    private TestcontainersKafka() {
    }

    static LazyComponent.Running<String> start(String image) {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        container.start();
        String bootstrapServers = container.getBootstrapServers();
        return new LazyComponent.Running<>(bootstrapServers, "testcontainers", bootstrapServers + " image=" + image,
                container::stop);
    }
}
