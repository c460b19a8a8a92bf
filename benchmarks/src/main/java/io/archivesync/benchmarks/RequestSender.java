package io.archivesync.benchmarks;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topics;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes the workload the way the enumerator does: idempotent producer, Avro values, destination keys. */
final class RequestSender {

    private RequestSender() {
    }

    /** Sends the whole workload as fast as the producer takes it. */
    static long send(AppConfig config, Topics topics, RequestWorkload workload) {
        return send(config, topics, workload, 0);
    }

    /**
     * Sends the workload at {@code perSecond} requests a second, in slices every 10 ms (0: as fast as possible).
     * Each request's {@code requestedAt} is the moment it was made, so latency counts any lag of the sender too.
     */
    static long send(AppConfig config, Topics topics, RequestWorkload workload, int perSecond) {
        Map<String, Object> props = config.kafka().clientConfig();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, perSecond > 0 ? 1 : 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long n = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(props,
                topics.requests().keySerde().serializer(), topics.requests().valueSerde().serializer())) {
            while (workload.hasNext()) {
                if (perSecond > 0) {
                    long due = (long) ((n + 1) * 1e9 / perSecond);
                    long wait = due - (System.nanoTime() - start);
                    if (wait > TimeUnit.MILLISECONDS.toNanos(10)) {
                        sleep(wait);
                    }
                }
                FileSyncRequest r = workload.next();
                producer.send(new ProducerRecord<>(topics.requests().name(),
                        r.getDestination().getBucket() + "/" + r.getDestination().getKey(), r));
                n++;
            }
            producer.flush();
        }
        return n;
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing", e);
        }
    }
}
