package io.archivesync.processor;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.observe.DeadLetterCounter;
import io.archivesync.core.observe.Observability;
import io.archivesync.core.topic.ReadCommitted;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.processor.batch.BatchDrain;
import io.archivesync.processor.batch.Routes;
import io.archivesync.processor.dashboard.Dashboard;
import io.archivesync.processor.dedup.DedupProcessor;
import io.archivesync.processor.errors.DeserializationFaultHandler;
import io.archivesync.processor.errors.ProcessingFaultHandler;
import io.archivesync.processor.errors.ThreadReplacement;
import io.archivesync.processor.status.StatusServer;
import io.archivesync.processor.topology.SyncTopology;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology: creates the topics, configures exactly-once Streams with the dead-letter topic behind its
 * exception handlers, serves the status endpoint (with {@code /metrics} and {@code /health}), and on close flushes
 * open batches before stopping.
 */
public final class ProcessorService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProcessorService.class);
    private static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private final KafkaStreams streams;
    private final BatchDrain drain;
    private final StatusServer status;
    private final Dashboard dashboard;
    private final Duration drainTimeout;
    private final Observability observability;

    private ProcessorService(KafkaStreams streams, BatchDrain drain, StatusServer status, Dashboard dashboard,
                             Duration drainTimeout, Observability observability) {
        this.streams = streams;
        this.drain = drain;
        this.status = status;
        this.dashboard = dashboard;
        this.drainTimeout = drainTimeout;
        this.observability = observability;
    }

    /** Starts the processor and waits until it is running (or fails). */
    public static ProcessorService start(AppConfig config, Duration startTimeout) {
        RegistryStartCheck.require(config.kafka());
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        TopicAdmin.requireSamePartitions(config.kafka().clientConfig(),
                List.of(topics.requests().name(), topics.results().name()),
                "the processor joins each request with the latest result for its destination, both keyed by it");
        Observability observability = new Observability("processor");
        StatusServer status = bindStatus(config, observability);
        BatchDrain drain = new BatchDrain();
        Properties props = streamsConfig(config, topics);
        if (status != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, status.advertised());
        }
        // handlers and processors are built by Streams, so the dead-letter counter reaches them in the configuration
        props.put(DeadLetterCounter.CONFIG, new DeadLetterCounter(observability.registry()));
        KafkaStreams streams = new KafkaStreams(
                SyncTopology.build(topics, config.processor(), Routes.of(config), drain), props);
        observability.own(new KafkaStreamsMetrics(streams)).bindTo(observability.registry());
        observability.readiness(new StreamsHealth(streams));
        streams.setUncaughtExceptionHandler(new ThreadReplacement());
        streams.start();
        Instant deadline = Instant.now().plus(startTimeout);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
                    || Instant.now().isAfter(deadline)) {
                streams.close(Duration.ofSeconds(10));
                if (status != null) {
                    status.close();
                }
                observability.close();
                throw new IllegalStateException("processor did not reach RUNNING within " + startTimeout
                        + " (state " + streams.state() + ")");
            }
            sleep(50);
        }
        Dashboard dashboard = null;
        if (status != null) {
            status.serve(streams);
            if (config.processor().dashboard().enabled()) {
                dashboard = Dashboard.start(config, topics, status);
            }
        }
        LOGGER.info("processor running applicationId={} status={}", config.processor().applicationId(),
                status == null ? "off" : status.advertised());
        Duration drainTimeout = config.processor().batch().maxWait().multipliedBy(2).plusSeconds(5);
        return new ProcessorService(streams, drain, status, dashboard, drainTimeout, observability);
    }

    private static StatusServer bindStatus(AppConfig config, Observability observability) {
        if (config.processor().statusPort() < 0) {
            return null;
        }
        try {
            return StatusServer.bind(config.processor().statusHost(), config.processor().statusPort(), observability);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the status endpoint on " + config.processor().statusHost()
                    + ":" + config.processor().statusPort() + " (processor.statusPort)", e);
        }
    }

    static Properties streamsConfig(AppConfig config, Topics topics) {
        Properties p = new Properties();
        p.putAll(config.kafka().clientConfig());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.processor().applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // the repartitioned requests and the results are read from this application's own transactions
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), ReadCommitted.FETCH_MAX_WAIT_MS);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.processor().threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.processor().commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topics().replicationFactor());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.processor().stateDir() != null
                ? config.processor().stateDir() : tempStateDir());
        // A registry or broker outage fails the task (exactly-once replays from the last commit; the thread is
        // replaced after a backoff), never dead-letters. A poison result is logged and skipped; a request that
        // breaks a processor goes to the requests' dead-letter topic with our headers. No Streams-wide dead-letter
        // topic: results must never land among the requests.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeserializationFaultHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingFaultHandler.class);
        p.put(ProcessingFaultHandler.DEAD_LETTER_TOPIC, topics.deadLetter().name());
        p.put(ProcessingFaultHandler.REQUEST_TOPICS, topics.requests().name() + ","
                + SyncTopology.repartitionTopic(config.processor().applicationId()));
        // Every request crosses the broker several times (repartition, changelogs, batches): larger producer batches
        // than the 16 KiB default cut the broker's work per record. A user's kafka.properties still wins.
        Map<String, String> own = config.kafka().properties();
        if (!own.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)
                && !own.containsKey(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG))) {
            p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        }
        // Failover: a killed instance's tasks move after processor.sessionTimeout, not Kafka's 45 s. Again a user's
        // kafka.properties wins, and the new group protocol takes it from the broker instead.
        if (!own.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)
                && !own.containsKey(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))
                && !"consumer".equalsIgnoreCase(own.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG))) {
            int session = (int) config.processor().sessionTimeout().toMillis();
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), session);
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), Math.max(1, session / 3));
        }
        return p;
    }

    private static String tempStateDir() {
        try {
            return Files.createTempDirectory("archive-sync-streams").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests dropped as duplicates by this instance so far (the {@code dropped-duplicates-total} metric). */
    public long droppedDuplicates() {
        return streams.metrics().values().stream()
                .filter(m -> m.metricName().name().equals(DedupProcessor.METRIC_OPERATION + "-total"))
                .mapToLong(m -> ((Number) m.metricValue()).longValue())
                .sum();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The status endpoint's port, or -1 when it is off. */
    public int statusPort() {
        return status == null ? -1 : status.port();
    }

    /** Flushes open batches (bounded by twice the batch wait), then stops Streams and the status endpoint. */
    @Override
    public void close() {
        drain.request();
        Instant deadline = Instant.now().plus(drainTimeout);
        while (streams.state() == KafkaStreams.State.RUNNING && hasOpenBatches() && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        // leave the group: an instance started next (a restart, a one-shot's second run) need not wait a session out
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        if (dashboard != null) {
            dashboard.close();
        }
        if (status != null) {
            status.close();
        }
        observability.close();
        LOGGER.info("processor stopped");
    }

    private boolean hasOpenBatches() {
        try (KeyValueIterator<String, Object> it = streams.store(StoreQueryParameters.fromNameAndType(
                SyncTopology.PENDING_BATCHES_STORE, QueryableStoreTypes.<String, Object>keyValueStore())).all()) {
            return it.hasNext();
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
