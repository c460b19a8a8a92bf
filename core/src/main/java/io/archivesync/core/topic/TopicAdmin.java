package io.archivesync.core.topic;

import io.archivesync.core.config.TopicSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates our topics at start-up when they are missing, with the configured partitions and replication. */
public final class TopicAdmin {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /**
     * Creates whichever of {@code topics} do not exist yet. Existing topics are left as they are (a topic's partition
     * count is an operator's decision once data is in it).
     */
    public static void ensureTopics(Map<String, Object> clientConfig, TopicSettings settings, List<Topic<?, ?>> topics) {
        if (!settings.create()) {
            LOGGER.info("topic creation disabled topics.create=false");
            return;
        }
        try (Admin admin = Admin.create(clientConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .map(Topic::name)
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, settings.partitions(), settings.replicationFactor()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    LOGGER.info("created topic={} partitions={} replicationFactor={}", entry.getKey(),
                            settings.partitions(), settings.replicationFactor());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + clientConfig.get("bootstrap.servers")
                    + " to create topics: " + e.getMessage(), e);
        }
    }

    /**
     * Fails, naming each topic's partition count, unless {@code topics} all have the same number of partitions: a
     * Streams join between them needs it, and Streams' own error says less.
     *
     * @param why what needs them co-partitioned, for the message
     */
    public static void requireSamePartitions(Map<String, Object> clientConfig, List<String> topics, String why) {
        try (Admin admin = Admin.create(clientConfig)) {
            Map<String, Integer> partitions = new TreeMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .forEach((name, description) -> partitions.put(name, description.partitions().size()));
            if (new HashSet<>(partitions.values()).size() > 1) {
                throw new IllegalStateException("topics " + partitions + " (name=partitions) must have the same "
                        + "number of partitions: " + why + "; recreate one of them, or point topics.prefix at a set "
                        + "created together");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topics " + topics + " at "
                    + clientConfig.get("bootstrap.servers") + ": " + e.getMessage(), e);
        }
    }
}
