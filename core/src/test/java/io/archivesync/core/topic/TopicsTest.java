package io.archivesync.core.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.TopicSettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The topics are declared once, with the settings they are created with. */
class TopicsTest {

    @Test
    void shouldCreateTheTransfersTopicCompactedAndTheOthersWithTheBrokersDefaults() {
        // Given the topics of the default configuration
        AppConfig config = new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get))
                .load(null, List.of("topics.prefix=t.", "kafka.schemaRegistryUrl=mock://topics-test"));
        Topics topics = Topics.create(config);
        TopicSettings settings = new TopicSettings("t.", 3, (short) 1, true);

        // When they are created
        NewTopic transfers = TopicAdmin.newTopic(topics.transfers(), settings);
        NewTopic results = TopicAdmin.newTopic(topics.results(), settings);

        // Then the transfers topic keeps the last checkpoint per destination, and is among those created at start-up
        assertThat(transfers.name()).isEqualTo("t.transfers");
        assertThat(transfers.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
        assertThat(transfers.numPartitions()).isEqualTo(3);
        assertThat(results.configs()).isEmpty();
        assertThat(topics.all()).contains(topics.transfers());
    }

    @Test
    void shouldCreateTheSyncTopicsCompacted() {
        // Given the topics of the default configuration
        AppConfig config = new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get))
                .load(null, List.of("topics.prefix=t.", "kafka.schemaRegistryUrl=mock://topics-test"));
        Topics topics = Topics.create(config);
        TopicSettings settings = new TopicSettings("t.", 3, (short) 1, true);

        // When the sync command's topics are created
        // Then each keeps the last value per key (base per path, conflict per path, last run per pair)
        assertThat(topics.sync()).extracting(Topic::name)
                .containsExactly("t.sync-bases", "t.sync-conflicts", "t.sync-runs");
        topics.sync().forEach(topic -> assertThat(TopicAdmin.newTopic(topic, settings).configs())
                .containsExactly(Map.entry("cleanup.policy", "compact")));
        assertThat(topics.all()).containsAll(topics.sync());
    }
}
