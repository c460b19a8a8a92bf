package io.archivesync.benchmarks;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/** Reads committed batches, counts their requests and records each request's end-to-end latency. */
final class BatchCounter implements AutoCloseable {

    private final KafkaConsumer<String, CopyBatch> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    BatchCounter(AppConfig config, Topics topics, AtomicLong batched, Percentiles latency) {
        Map<String, Object> props = config.kafka().clientConfig();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + System.nanoTime());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, topics.serverSideBatches().keySerde().deserializer(),
                topics.serverSideBatches().valueSerde().deserializer());
        consumer.subscribe(List.of(topics.serverSideBatches().name(), topics.streamingBatches().name()));
        thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<String, CopyBatch> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        for (FileSyncRequest request : r.value().getRequests()) {
                            synchronized (latency) {
                                latency.add(now - request.getRequestedAt().toEpochMilli());
                            }
                        }
                        batched.addAndGet(r.value().getRequests().size());
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            }
        }, "bench-batch-counter");
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
