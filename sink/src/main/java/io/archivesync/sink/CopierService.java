package io.archivesync.sink;

import io.archivesync.avro.Route;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.observe.DeadLetterCounter;
import io.archivesync.core.observe.Observability;
import io.archivesync.core.observe.StatusEndpoint;
import io.archivesync.core.topic.ReadCommitted;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.sink.copy.CopierFactory;
import io.archivesync.sink.copy.StorageClients;
import io.archivesync.sink.copy.journal.AbandonedTransfers;
import io.archivesync.sink.copy.journal.KafkaTransferJournal;
import io.archivesync.sink.metrics.CopierGauges;
import io.archivesync.sink.metrics.CopyMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
 * {@link CopierFactory} and its storage clients, and the {@link KafkaTransferJournal} that lets streamed writes
 * resume after a crash (writes abandoned for {@code sink.streaming.abandonAfter} are given up at start-up). Scale it
 * out by starting more instances; Kafka shares the batch
 * topics' partitions among them. Its meters and health are served on {@code sink.statusHost:sink.statusPort}.
 */
public final class CopierService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CopierService.class);

    private final BatchConsumerLoop loop;
    private final Thread thread;
    private final StorageClients clients;
    private final CopierFactory.Composed copier;
    private final KafkaTransferJournal journal;
    private final Observability observability;
    private StatusEndpoint status;

    private CopierService(BatchConsumerLoop loop, StorageClients clients, CopierFactory.Composed copier,
                          KafkaTransferJournal journal, Observability observability) {
        this.loop = loop;
        this.clients = clients;
        this.copier = copier;
        this.journal = journal;
        this.observability = observability;
        this.thread = new Thread(loop, "archive-sync-copier");
    }

    public static CopierService start(AppConfig config) {
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        StorageCheck.requireUsable(config.s3());
        StorageClients clients = new StorageClients(config.s3(), config.sink());
        KafkaTransferJournal journal = KafkaTransferJournal.open(config.kafka().clientConfig(), topics.transfers(),
                Clock.systemUTC());
        CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients, UnaryOperator.identity(),
                config.storage(), journal);
        AbandonedTransfers.abandon(journal, copier.locations(), config.sink().streaming().abandonAfter(),
                Clock.systemUTC());

        Map<String, Object> consumerConfig = consumerConfig(config);

        Map<String, Object> producerConfig = config.kafka().clientConfig();
        String transactionalId = config.sink().transactionalIdPrefix() + "-" + UUID.randomUUID();
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);

        Observability observability = new Observability("sink");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new ByteArraySerializer());
        observability.own(new KafkaClientMetrics(consumer)).bindTo(observability.registry());
        observability.own(new KafkaClientMetrics(producer)).bindTo(observability.registry());
        BatchConsumerLoop loop = new BatchConsumerLoop(consumer, producer,
                topics, config.sink().routes().stream().map(Route::valueOf).toList(), copier,
                config.sink().pollTimeout(), config.sink().copyTimeout(),
                config.sink().concurrency(), new CopyMetrics(observability.registry()),
                new DeadLetterCounter(observability.registry()));
        CopierGauges.register(observability.registry(), loop.copies()::inFlight, loop.copies()::queued,
                copier.limiter()::limit, loop.progress()::lag);
        CopierService service = new CopierService(loop, clients, copier, journal, observability);
        observability.readiness(new CopierHealth(service.thread, loop.progress(), maxPollGap(config)));
        service.status = StatusEndpoint.bind(config.sink().statusHost(), config.sink().statusPort(),
                "sink.statusPort", observability);
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
        ReadCommitted.apply(consumerConfig);
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

    /**
     * The longest pause between two polls of a loop at work: it polls every {@code sink.pollTimeout} when idle and
     * every 250 ms while copies run, a transaction's commit can hold it; a registry outage (backoff up to 30 s) makes
     * it unready, as it should.
     */
    private static Duration maxPollGap(AppConfig config) {
        return Duration.ofSeconds(15).plus(config.sink().pollTimeout().multipliedBy(3));
    }

    /** The port of {@code /metrics} and {@code /health}, or -1 when {@code sink.statusPort} is -1. */
    public int statusPort() {
        return status == null ? -1 : status.port();
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
        journal.close();
        clients.close();
        if (status != null) {
            status.close();
        }
        observability.close();
        LOGGER.info("copier stopped");
    }
}
