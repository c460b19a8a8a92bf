package io.archivesync.sync.state;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings {@link LocalBases} to the end of the {@code sync-bases} topic: from the offsets it reflects when it can be
 * trusted, else from the topic's start after clearing it. It cannot be trusted when its partitions are not the
 * topic's, an offset lies outside the topic's log (the topic was recreated or truncated), or it was last caught up
 * longer ago than the topic's {@code delete.retention.ms}: compaction may since have dropped a tombstone it never
 * saw (a path forgotten on both sides would then linger in it).
 */
final class BaseCatchUp {

    private static final Logger LOGGER = LoggerFactory.getLogger(BaseCatchUp.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final long DEFAULT_DELETE_RETENTION_MS = 86_400_000L;

    private BaseCatchUp() {
    }

    /** @return records applied (0 when nothing was written since the last catch-up) */
    static long run(LocalBases store, Map<String, Object> clientConfig, String topic, Clock clock) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "archive-sync-sync-bases-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, DEADLINE).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, DEADLINE);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            Map<Integer, Long> known = store.offsets();
            String why = untrusted(store, known, begin, end, clock, clientConfig, topic);
            if (why != null) {
                LOGGER.info("local base store rebuilt from the topic topic={} reason={}", topic, why);
                store.clear();
            }
            Map<Integer, Long> stored = why == null ? known : Map.of();
            consumer.assign(partitions);
            for (TopicPartition p : partitions) {
                consumer.seek(p, stored.getOrDefault(p.partition(), begin.get(p)));
            }
            long applied = 0;
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!atEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + DEADLINE);
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                Map<String, byte[]> batch = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (r.key() != null) {
                        batch.remove(r.key());   // keep the record's place: the last write of a key wins
                        batch.put(r.key(), r.value());
                    }
                }
                Map<Integer, Long> offsets = new HashMap<>();
                for (TopicPartition p : partitions) {
                    offsets.put(p.partition(), consumer.position(p));
                }
                store.apply(batch, offsets);
                applied += records.count();
            }
            Map<Integer, Long> reached = new HashMap<>();
            partitions.forEach(p -> reached.put(p.partition(), consumer.position(p)));
            store.apply(Map.of(), reached);
            store.caughtUp(clock);
            LOGGER.info("local base store caught up topic={} records={} millis={}", topic, applied,
                    (System.nanoTime() - t0) / 1_000_000);
            return applied;
        }
    }

    private static String untrusted(LocalBases store, Map<Integer, Long> stored, Map<TopicPartition, Long> begin,
                                    Map<TopicPartition, Long> end, Clock clock, Map<String, Object> clientConfig,
                                    String topic) {
        if (stored.isEmpty()) {
            return "new";
        }
        if (!stored.keySet().equals(end.keySet().stream().map(TopicPartition::partition)
                .collect(Collectors.toSet()))) {
            return "partitions " + stored.keySet() + " are not the topic's";
        }
        for (TopicPartition p : end.keySet()) {
            long offset = stored.get(p.partition());
            if (offset < begin.get(p) || offset > end.get(p)) {
                return "offset " + offset + " of partition " + p.partition() + " is outside the topic's ["
                        + begin.get(p) + ", " + end.get(p) + "]";
            }
        }
        long age = clock.millis() - store.caughtUpAt();
        long retention = deleteRetentionMs(clientConfig, topic);
        if (store.caughtUpAt() < 0 || age >= retention) {
            return "last caught up " + age + " ms ago, the topic's delete.retention.ms is " + retention;
        }
        return null;
    }

    private static long deleteRetentionMs(Map<String, Object> clientConfig, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(clientConfig)) {
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            ConfigEntry entry = config == null ? null : config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG);
            return entry == null || entry.value() == null ? DEFAULT_DELETE_RETENTION_MS
                    : Long.parseLong(entry.value());
        } catch (ExecutionException e) {
            LOGGER.warn("cannot read delete.retention.ms, taking the default topic={} reason={}", topic,
                    e.getCause().toString());
            return DEFAULT_DELETE_RETENTION_MS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the config of " + topic, e);
        }
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
