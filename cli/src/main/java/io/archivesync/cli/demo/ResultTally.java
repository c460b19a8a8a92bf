package io.archivesync.cli.demo;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.core.topic.ReadCommitted;
import io.archivesync.core.topic.Topic;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/** Reads committed results as they arrive and keeps the demo's running totals. */
final class ResultTally implements AutoCloseable {

    private final KafkaConsumer<String, CopyResult> consumer;
    private final Thread thread;
    private final List<CopyResult> results = new CopyOnWriteArrayList<>();
    private final Map<CopyOutcome, Long> outcomes = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    ResultTally(Map<String, Object> clientConfig, Topic<String, CopyResult> topic) {
        ReadCommitted.apply(clientConfig);
        clientConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(clientConfig, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::poll, "demo-result-tally");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    results.add(r.value());
                    outcomes.merge(r.value().getOutcome(), 1L, Long::sum);
                });
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    int count() {
        return results.size();
    }

    long count(CopyOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    List<CopyResult> results() {
        return List.copyOf(results);
    }

    /** Results from index {@code from} on, summarised: outcomes, methods and bytes. */
    Summary summarise(int from) {
        List<CopyResult> slice = results.subList(from, results.size());
        Map<CopyOutcome, Long> byOutcome = new EnumMap<>(CopyOutcome.class);
        slice.forEach(r -> byOutcome.merge(r.getOutcome(), 1L, Long::sum));
        Map<CopyMethod, Long> byMethod = slice.stream()
                .collect(Collectors.groupingBy(CopyResult::getMethod, () -> new EnumMap<>(CopyMethod.class),
                        Collectors.counting()));
        long bytes = slice.stream().mapToLong(CopyResult::getBytes).sum();
        long through = slice.stream().mapToLong(CopyResult::getBytesThroughCopier).sum();
        long requests = slice.stream().mapToLong(CopyResult::getStorageRequests).sum();
        return new Summary(slice.size(), byOutcome, byMethod, bytes, through, requests);
    }

    record Summary(int results, Map<CopyOutcome, Long> byOutcome, Map<CopyMethod, Long> byMethod, long bytes,
                   long bytesThroughCopier, long storageRequests) {
        long copied() {
            return byOutcome.getOrDefault(CopyOutcome.COPIED, 0L);
        }

        long skipped() {
            return byOutcome.getOrDefault(CopyOutcome.SKIPPED_CURRENT, 0L);
        }

        /** Copied, but the published checksum could not be checked: never counted as copied. */
        long unverified() {
            return byOutcome.getOrDefault(CopyOutcome.COPIED_UNVERIFIED, 0L);
        }

        long failed() {
            return results - copied() - skipped() - unverified();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
