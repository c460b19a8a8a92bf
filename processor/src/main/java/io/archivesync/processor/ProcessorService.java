package io.archivesync.processor;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.processor.dedup.DedupProcessor;
import io.archivesync.processor.topology.SyncTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the topology: creates the topics, configures exactly-once Streams, starts, and stops cleanly. */
public final class ProcessorService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProcessorService.class);

    private final KafkaStreams streams;

    private ProcessorService(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the processor and waits until it is running (or fails). */
    public static ProcessorService start(AppConfig config, Duration startTimeout) {
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        KafkaStreams streams = new KafkaStreams(SyncTopology.build(topics, config.processor()), streamsConfig(config));
        streams.setUncaughtExceptionHandler(e -> {
            LOGGER.error("stream thread failed; replacing it error={}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        Instant deadline = Instant.now().plus(startTimeout);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
                    || Instant.now().isAfter(deadline)) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("processor did not reach RUNNING within " + startTimeout
                        + " (state " + streams.state() + ")");
            }
            sleep(50);
        }
        LOGGER.info("processor running applicationId={}", config.processor().applicationId());
        return new ProcessorService(streams);
    }

    static Properties streamsConfig(AppConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafka().clientConfig());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.processor().applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.processor().threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.processor().commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topics().replicationFactor());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.processor().stateDir() != null
                ? config.processor().stateDir() : tempStateDir());
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

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        LOGGER.info("processor stopped");
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
