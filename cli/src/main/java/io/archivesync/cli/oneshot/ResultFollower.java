package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyResult;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.ReadCommitted;
import io.archivesync.core.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the results topic from its beginning, committed results only, with no consumer group (nothing to clean up,
 * nothing shared): first up to where it ended when the job looked ({@link #readToEnd}), then onwards until the job
 * is done ({@link #follow}).
 */
final class ResultFollower implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, CopyResult> consumer;
    private final List<TopicPartition> partitions;

    ResultFollower(AppConfig config, Topic<String, CopyResult> results) {
        Map<String, Object> client = config.kafka().clientConfig();
        ReadCommitted.apply(client);
        client.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        client.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(client, results.keySerde().deserializer(),
                results.valueSerde().deserializer());
        partitions = consumer.partitionsFor(results.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Hands over every result committed before now; returns how many. */
    long readToEnd(Consumer<CopyResult> sink) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long read = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (var record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    sink.accept(record.value());
                    read++;
                }
            }
        }
        return read;
    }

    /** Hands over results as they are committed until {@code done}; {@code tick} runs after every poll. */
    void follow(Consumer<CopyResult> sink, BooleanSupplier done, Runnable tick) {
        while (!done.getAsBoolean()) {
            for (var record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    sink.accept(record.value());
                }
            }
            tick.run();
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
