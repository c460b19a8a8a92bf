package io.archivesync.cli.oneshot;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.ReadCommitted;
import io.archivesync.core.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every committed record of a topic, from its beginning to where it ended when asked, with no consumer group: a look
 * that leaves nothing behind on the cluster. Records of one key come in the order they were written.
 */
final class TopicSnapshot {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicSnapshot() {
    }

    /** @return how many values were handed over (tombstones are skipped) */
    static <K, V> long read(AppConfig config, Topic<K, V> topic, Consumer<V> sink) {
        Map<String, Object> client = config.kafka().clientConfig();
        ReadCommitted.apply(client);
        client.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        client.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long read = 0;
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(client, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(POLL)) {
                    if (record.value() != null) {
                        sink.accept(record.value());
                        read++;
                    }
                }
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
        return read;
    }
}
