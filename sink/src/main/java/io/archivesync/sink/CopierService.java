package io.archivesync.sink;

import io.archivesync.avro.Route;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.sink.copy.CopierFactory;
import io.archivesync.sink.copy.StorageClients;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copier service: one consumer in the copiers' group, one transactional producer, the copier composed by
 * {@link CopierFactory} and its storage clients. Scale it out by starting more instances; Kafka shares the batch
 * topics' partitions among them.
 */
public final class CopierService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CopierService.class);

    private final BatchConsumerLoop loop;
    private final Thread thread;
    private final StorageClients clients;
    private final CopierFactory.Composed copier;

    private CopierService(BatchConsumerLoop loop, StorageClients clients, CopierFactory.Composed copier) {
        this.loop = loop;
        this.clients = clients;
        this.copier = copier;
        this.thread = new Thread(loop, "archive-sync-copier");
    }

    public static CopierService start(AppConfig config) {
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        StorageCheck.requireUsable(config.s3());
        StorageClients clients = new StorageClients(config.s3(), config.sink());
        CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients);

        Map<String, Object> consumerConfig = consumerConfig(config);

        Map<String, Object> producerConfig = config.kafka().clientConfig();
        String transactionalId = config.sink().transactionalIdPrefix() + "-" + UUID.randomUUID();
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);

        BatchConsumerLoop loop = new BatchConsumerLoop(
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer()),
                topics, config.sink().routes().stream().map(Route::valueOf).toList(), copier,
                config.sink().pollTimeout(), config.sink().copyTimeout(),
                config.sink().concurrency());
        CopierService service = new CopierService(loop, clients, copier);
        service.thread.start();
        LOGGER.info("copier started groupId={} transactionalId={} mode={} skip={} sessionTimeout={}",
                config.sink().groupId(), transactionalId, config.sink().mode(), config.sink().skip(),
                config.sink().sessionTimeout());
        return service;
    }

    /**
     * The consumer's settings. The session timeout is the copiers' failover time: a killed copier's partitions wait
     * that long before another copier takes them (Kafka's 45 s default meant 40-50 s without a copy). Heartbeats go
     * at a third of it, as Kafka advises. A clean close leaves the group at once, so only a crash pays the timeout.
     */
    static Map<String, Object> consumerConfig(AppConfig config) {
        Map<String, Object> consumerConfig = config.kafka().clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.sink().groupId());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        consumerConfig.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.max(300_000, config.sink().copyTimeout().toMillis() * 2));
        if ("consumer".equalsIgnoreCase(String.valueOf(consumerConfig.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            // the new group protocol (KIP-848) takes both from the broker (group.consumer.session.timeout.ms)
            return consumerConfig;
        }
        int session = (int) config.sink().sessionTimeout().toMillis();
        consumerConfig.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
        consumerConfig.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(1, session / 3));
        return consumerConfig;
    }

    /** Waits for the copier to stop by itself (it does when fenced or on a fatal error). */
    public void await() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        copier.close();
        clients.close();
        LOGGER.info("copier stopped");
    }
}
