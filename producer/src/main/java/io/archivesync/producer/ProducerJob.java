package io.archivesync.producer;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One run of the enumerator: list the archive, emit one request per object, wait for Kafka to acknowledge all of
 * them. The producer is idempotent; a re-run emits requests that the processor recognises as repeats.
 */
public final class ProducerJob {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProducerJob.class);

    private final AppConfig config;

    public ProducerJob(AppConfig config) {
        this.config = config;
    }

    /**
     * @param progress called with the running count of emitted requests
     * @return how many requests were emitted and acknowledged
     */
    public long run(LongConsumer progress) {
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        Map<String, Object> producerConfig = config.kafka().clientConfig();
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        RequestFactory factory = new RequestFactory(config.producer(), Clock.systemUTC());
        AtomicLong sent = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        String region = config.producer().sourceRegion();
        try (S3Client s3 = S3Clients.sync(config.s3(), region, config.producer().anonymousSource());
             KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(producerConfig,
                     topics.requests().keySerde().serializer(), topics.requests().valueSerde().serializer())) {
            long found = new ArchiveEnumerator(s3, config.producer()).enumerate(object -> {
                if (failure.get() != null) {
                    return;
                }
                FileSyncRequest request = factory.create(object);
                producer.send(new ProducerRecord<>(topics.requests().name(), RequestFactory.key(request), request),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                progress.accept(sent.incrementAndGet());
            });
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("Kafka refused a request: " + failure.get().getMessage(),
                        failure.get());
            }
            LOGGER.info("enumeration done objects={} sourceBucket={}", found, config.producer().sourceBucket());
            return found;
        }
    }
}
