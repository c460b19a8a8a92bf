package io.archivesync.producer;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.core.s3.S3Failures;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.producer.plan.PlannedObject;
import io.archivesync.schemas.key.RecordKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One run of the enumerator: plan the archive, emit one request per object, wait for Kafka to acknowledge all of
 * them. The producer is idempotent, and {@code send} blocks when its buffer is full, so memory stays bounded
 * whatever the plan's size. A re-run emits requests that the processor recognises as repeats.
 */
public final class ProducerJob {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProducerJob.class);

    private final AppConfig config;
    private final Clock clock;

    public ProducerJob(AppConfig config) {
        this(config, Clock.systemUTC());
    }

    public ProducerJob(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Plans without producing ({@code --dry-run}): calls {@code sink} per object; returns how many. */
    public long plan(Consumer<PlannedObject> sink) {
        try (S3Client s3 = sourceClient()) {
            return enumerate(s3, sink);
        }
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
        RequestFactory factory = new RequestFactory(config.producer(), clock);
        AtomicLong sent = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (S3Client s3 = sourceClient();
             KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(producerConfig,
                     topics.requests().keySerde().serializer(), topics.requests().valueSerde().serializer())) {
            long found;
            try {
                found = enumerate(s3, object -> {
                    if (failure.get() != null) {
                        throw new KafkaRefused();
                    }
                    FileSyncRequest request = factory.create(object);
                    producer.send(new ProducerRecord<>(topics.requests().name(), RecordKey.of(request),
                            request), (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                    progress.accept(sent.incrementAndGet());
                });
            } catch (KafkaRefused stop) {
                found = sent.get();
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("Kafka refused a request after " + sent.get() + " sent: "
                        + failure.get().getMessage(), failure.get());
            }
            LOGGER.info("enumeration done objects={} strategy={} sourceBucket={}", found,
                    config.producer().strategy().text(), config.producer().sourceBucket());
            return found;
        }
    }

    /** Enumerates; a storage failure becomes one line naming the setting to fix, not the SDK's exception. */
    private long enumerate(S3Client s3, Consumer<PlannedObject> sink) {
        try {
            return new ArchiveEnumerator(s3, config.producer(), clock).enumerate(sink);
        } catch (SdkException e) {
            throw S3Failures.startupFailure(e, config.s3(), "listing the archive s3://"
                    + config.producer().sourceBucket() + (config.producer().anonymousSource() ? " anonymously" : ""));
        }
    }

    private S3Client sourceClient() {
        return S3Clients.sync(config.s3(), config.producer().sourceRegion(), config.producer().anonymousSource());
    }

    /** Stops the plan once Kafka has refused a request: producing the rest would only fail too. */
    private static final class KafkaRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KafkaRefused() {
            super(null, null, false, false);
        }
    }
}
