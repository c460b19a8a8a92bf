package io.archivesync.cli.oneshot;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.core.topic.ReadCommitted;
import io.archivesync.core.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the requests' dead-letter topic from the moment a job publishes: a request the processor refuses gets no
 * result, only a dead letter keyed by its destination, so without this a job would wait for it forever.
 */
final class DeadLetterFollower implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;

    /** Positioned at the topic's end: only dead letters written from now on are seen. */
    DeadLetterFollower(AppConfig config, Topic<String, byte[]> deadLetter) {
        Map<String, Object> client = config.kafka().clientConfig();
        ReadCommitted.apply(client);
        client.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(client, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetter.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the position now, before anything is published
    }

    /** Hands each new dead letter's key (the destination) and reason ("KIND: reason") over, without waiting. */
    void poll(BiConsumer<String, String> sink) {
        for (var record : consumer.poll(Duration.ZERO)) {
            sink.accept(record.key(), header(record.headers().lastHeader(DeadLetterHeaders.KIND)) + ": "
                    + header(record.headers().lastHeader(DeadLetterHeaders.REASON)));
        }
    }

    private static String header(Header h) {
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
