package io.archivesync.core.topic;

import io.archivesync.core.config.TopicSettings;
import io.archivesync.core.config.UrlMasking;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates our topics at start-up when they are missing, with the configured partitions and replication. It is the
 * first thing a service asks of Kafka, so it is where an unreachable broker is reported: within {@link #API_TIMEOUT}
 * (the admin client's own default is a minute), in one line naming {@code kafka.bootstrapServers}.
 */
public final class TopicAdmin {

    /** How long an admin call may take, unless {@code kafka.properties} says otherwise. */
    static final Duration API_TIMEOUT = Duration.ofSeconds(15);
    /** How long one request may wait for its answer; below {@link #API_TIMEOUT}, so that one retry fits. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(7);
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
        Map<String, Object> adminConfig = adminConfig(clientConfig);
        long wait = waitMillis(adminConfig);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(wait, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> newTopic(topic, settings))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            boolean raced = false;
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(wait, TimeUnit.MILLISECONDS);
                    LOGGER.info("created topic={} partitions={} replicationFactor={} configs={}", entry.getKey(),
                            settings.partitions(), settings.replicationFactor(), configsOf(missing, entry.getKey()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                    raced = true;
                }
            }
            if (raced) {
                awaitVisible(admin, missing.stream().map(NewTopic::name).toList(), wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(adminConfig, "to create topics", e);
        }
    }

    /**
     * Waits until topics another client was creating at the same moment (our create said they exist) can be described:
     * until then a consumer of this process finds no partitions for them ({@code partitionsFor} is empty), and one
     * assigned to none fails its first poll.
     */
    private static void awaitVisible(Admin admin, List<String> names, long wait)
            throws InterruptedException, TimeoutException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(wait, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** The topic as it is created: the configured partitions and replication, and the topic's own settings. */
    static NewTopic newTopic(Topic<?, ?> topic, TopicSettings settings) {
        return new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor()).configs(topic.configs());
    }

    private static Map<String, String> configsOf(List<NewTopic> topics, String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().map(NewTopic::configs)
                .orElse(Map.of());
    }

    /**
     * Fails, naming each topic's partition count, unless {@code topics} all have the same number of partitions: a
     * Streams join between them needs it, and Streams' own error says less.
     *
     * @param why what needs them co-partitioned, for the message
     */
    public static void requireSamePartitions(Map<String, Object> clientConfig, List<String> topics, String why) {
        Map<String, Object> adminConfig = adminConfig(clientConfig);
        try (Admin admin = Admin.create(adminConfig)) {
            Map<String, Integer> partitions = new TreeMap<>();
            admin.describeTopics(topics).allTopicNames().get(waitMillis(adminConfig), TimeUnit.MILLISECONDS)
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
            throw unreachable(adminConfig, "to describe topics " + topics, e);
        }
    }

    /**
     * The client settings with bounded admin timeouts added, unless {@code kafka.properties} sets them: the admin
     * client's default of a minute, per call, leaves an operator waiting for a typo in the broker address.
     */
    static Map<String, Object> adminConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        long request = Long.parseLong(String.valueOf(config.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)));
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) Math.max(API_TIMEOUT.toMillis(), request));
        return config;
    }

    /** The API timeout and a little more: the admin client fails its futures by itself, with a better reason. */
    private static long waitMillis(Map<String, Object> adminConfig) {
        return Long.parseLong(String.valueOf(adminConfig.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG))) + 5_000;
    }

    /** One line naming the setting and the address: a timeout means nothing answered there. */
    private static IllegalStateException unreachable(Map<String, Object> adminConfig, String what, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String servers = UrlMasking.mask(String.valueOf(adminConfig.get("bootstrap.servers")));
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            long seconds = waitMillis(adminConfig) / 1000 - 5;
            return new IllegalStateException("cannot reach Kafka at kafka.bootstrapServers=" + servers + " within "
                    + seconds + "s " + what + ": is a broker running there? Fix kafka.bootstrapServers (or "
                    + "--bootstrap-servers), or the security settings in kafka.properties", cause);
        }
        return new IllegalStateException("Kafka at kafka.bootstrapServers=" + servers + " refused " + what + ": "
                + UrlMasking.mask(cause.getMessage()), cause);
    }
}
