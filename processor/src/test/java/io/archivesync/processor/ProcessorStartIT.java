package io.archivesync.processor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the processor checks on the real broker before it starts its topology. */
@ExtendWith(StackExtension.class)
class ProcessorStartIT {

    @Test
    void shouldRefuseToStartWhenRequestsAndResultsAreNotCoPartitioned(Stack stack) throws Exception {
        // Given an operator who created the requests topic with 3 partitions and the results topic with 2
        String run = UUID.randomUUID().toString().substring(0, 8);
        AppConfig config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                "kafka.schemaRegistryUrl=mock://start-" + run,
                "topics.prefix=start-" + run + ".",
                "topics.partitions=2",
                "processor.applicationId=start-" + run,
                "processor.statusPort=-1"));
        Topics topics = Topics.create(config);
        try (Admin admin = Admin.create(config.kafka().clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topics.requests().name(), 3, (short) 1),
                    new NewTopic(topics.results().name(), 2, (short) 1))).all().get();
        }

        // When the processor starts, then it says which topics disagree and why it matters
        assertThatThrownBy(() -> ProcessorService.start(config, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topics.requests().name() + "=3")
                .hasMessageContaining(topics.results().name() + "=2")
                .hasMessageContaining("must have the same number of partitions");
    }
}
