package io.archivesync.producer.publish;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.producer.RequestFactory;
import io.archivesync.schemas.key.RecordKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes requests on the requests topic the way the contract asks: key = destination {@code bucket/key}, value in
 * the topic's Avro serde, idempotent producer with {@code acks=all}. {@link #awaitAcknowledged()} returns once Kafka
 * holds every request sent.
 */
public final class RequestPublisher implements AutoCloseable {

    private final KafkaProducer<String, FileSyncRequest> producer;
    private final String topic;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    public RequestPublisher(AppConfig config) {
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        Map<String, Object> producerConfig = config.kafka().clientConfig();
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(producerConfig, topics.requests().keySerde().serializer(),
                topics.requests().valueSerde().serializer());
        this.topic = topics.requests().name();
    }

    public String topic() {
        return topic;
    }

    public void send(FileSyncRequest request) {
        pending.add(producer.send(new ProducerRecord<>(topic, RecordKey.of(request), request)));
    }

    /** Waits for Kafka's acknowledgement of everything sent; returns how many. */
    public int awaitAcknowledged() {
        producer.flush();
        int n = pending.size();
        try {
            for (Future<RecordMetadata> f : pending) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a request: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } finally {
            pending.clear();
        }
        return n;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
