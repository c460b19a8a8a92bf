package io.archivesync.benchmarks;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes the workload the way the enumerator does: idempotent producer, Avro values, destination keys. */
final class RequestSender {

    private RequestSender() {
    }

    static long send(AppConfig config, Topics topics, RequestWorkload workload) {
        Map<String, Object> props = config.kafka().clientConfig();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long n = 0;
        try (KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(props,
                topics.requests().keySerde().serializer(), topics.requests().valueSerde().serializer())) {
            while (workload.hasNext()) {
                FileSyncRequest r = workload.next();
                producer.send(new ProducerRecord<>(topics.requests().name(),
                        r.getDestination().getBucket() + "/" + r.getDestination().getKey(), r));
                n++;
            }
            producer.flush();
        }
        return n;
    }
}
