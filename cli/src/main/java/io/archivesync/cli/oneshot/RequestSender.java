package io.archivesync.cli.oneshot;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topic;
import io.archivesync.schemas.key.RecordKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes a job's requests, keyed by destination, and returns once Kafka has acknowledged every one. */
final class RequestSender {

    private RequestSender() {
    }

    static void send(AppConfig config, Topic<String, FileSyncRequest> requests, List<FileSyncRequest> batch) {
        Map<String, Object> client = config.kafka().clientConfig();
        client.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        client.put(ProducerConfig.ACKS_CONFIG, "all");
        client.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(client,
                requests.keySerde().serializer(), requests.valueSerde().serializer())) {
            for (FileSyncRequest request : batch) {
                producer.send(new ProducerRecord<>(requests.name(), RecordKey.of(request), request), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a request of the job: " + failure.get().getMessage(),
                    failure.get());
        }
    }
}
