package io.archivesync.bridge;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.observe.Observability;
import io.archivesync.core.observe.StatusEndpoint;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The running bridge: {@code bridge.pollers} threads that poll until closed, sharing one idempotent producer (each
 * receive loop waits for an SQS and a Kafka round trip, so loops in parallel multiply the rate). A failing receive
 * (SQS unreachable, throttled) is retried with a backoff that doubles up to 30 s, so an outage neither spins nor
 * stops the service. Its meters and health are served on {@code bridge.statusHost:bridge.statusPort}.
 */
public final class SqsBridgeService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SqsBridgeService.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final KafkaProducer<String, FileSyncRequest> producer;
    private final SqsBridge bridge;
    private final List<Thread> threads = new ArrayList<>();
    private final Duration closeWait;
    private final Observability observability = new Observability("bridge");
    private final AtomicInteger failingPollers = new AtomicInteger();
    private final StatusEndpoint status;
    private volatile boolean running = true;

    private SqsBridgeService(AppConfig config, MessageAcknowledger acknowledger) {
        String queueUrl = config.bridge().requireQueueUrl();
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        Map<String, Object> producerConfig = config.kafka().clientConfig();
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.sqs = SqsClients.create(config);
        this.producer = new KafkaProducer<>(producerConfig, topics.requests().keySerde().serializer(),
                topics.requests().valueSerde().serializer());
        this.bridge = new SqsBridge(sqs, producer, topics.requests().name(), config.bridge(),
                new EventRequests(config.bridge(), SqsClients.region(config), Clock.systemUTC()),
                acknowledger != null ? acknowledger : MessageAcknowledger.sqs(sqs, queueUrl));
        this.closeWait = config.bridge().waitTime().plusSeconds(10);
        for (int i = 0; i < config.bridge().pollers(); i++) {
            threads.add(new Thread(this::loop, "archive-sync-sqs-bridge-" + i));
        }
        observability.own(new KafkaClientMetrics(producer)).bindTo(observability.registry());
        BridgeMeters.register(observability.registry(), bridge.stats());
        observability.readiness(new PollerHealth(List.copyOf(threads), failingPollers));
        this.status = StatusEndpoint.bind(config.bridge().statusHost(), config.bridge().statusPort(),
                "bridge.statusPort", observability);
        LOGGER.info("SQS bridge started queueUrl={} rules={} pollers={} propagateDeletes={}", queueUrl,
                config.bridge().rules().size(), config.bridge().pollers(), config.bridge().propagateDeletes());
    }

    /** Starts polling the queue of {@code bridge.queueUrl}. */
    public static SqsBridgeService start(AppConfig config) {
        return start(config, null);
    }

    /** Starts with another acknowledger than SQS deletes (tests, benchmarks); null means SQS deletes. */
    public static SqsBridgeService start(AppConfig config, MessageAcknowledger acknowledger) {
        SqsBridgeService service = new SqsBridgeService(config, acknowledger);
        service.threads.forEach(Thread::start);
        return service;
    }

    public BridgeStats stats() {
        return bridge.stats();
    }

    /** The port of {@code /metrics} and {@code /health}, or -1 when {@code bridge.statusPort} is -1. */
    public int statusPort() {
        return status == null ? -1 : status.port();
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(500);
        boolean failing = false;
        while (running) {
            try {
                bridge.pollOnce();
                backoff = Duration.ofMillis(500);
                if (failing) {
                    failing = false;
                    failingPollers.decrementAndGet();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!failing) {
                    failing = true;
                    failingPollers.incrementAndGet();
                }
                LOGGER.warn("SQS receive failed; retrying backoffMs={} error={}", backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Waits for the poll in progress (at most {@code bridge.waitTime}) to finish, then closes the clients. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(closeWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        producer.close(Duration.ofSeconds(10));
        sqs.close();
        if (status != null) {
            status.close();
        }
        observability.close();
        LOGGER.info("SQS bridge stopped {}", bridge.stats());
    }
}
