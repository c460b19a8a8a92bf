package io.archivesync.cli.oneshot;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.processor.ProcessorService;
import io.archivesync.sink.CopierService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline inside this command: a broker on the state directory's log, the processor with its stores there too,
 * and one copier, all in this JVM with the in-JVM registry. Everything that a run leaves (requests published, batches,
 * results, the processor's tables) survives it, so a later run on the same state directory resumes or answers from it.
 */
final class LocalPipeline implements AutoCloseable {

    /** The in-JVM registry's scope: producer, processor and copier share this one JVM. */
    static final String REGISTRY = "mock://archive-sync-local";

    private static final Logger LOGGER = LoggerFactory.getLogger(LocalPipeline.class);

    private final EmbeddedKafka kafka;
    private final ProcessorService processor;
    private final CopierService copier;
    private final AppConfig config;

    private LocalPipeline(EmbeddedKafka kafka, ProcessorService processor, CopierService copier, AppConfig config) {
        this.kafka = kafka;
        this.processor = processor;
        this.copier = copier;
        this.config = config;
    }

    /**
     * The settings the embedded mode fixes, over the user's: its own broker and registry, stores in the state
     * directory, no status ports opened on the user's machine, and batches that close quickly, since nobody else
     * shares them. With {@code live}, the processor's status endpoint (dashboard, /metrics) and the copier's /metrics
     * listen on free ports of the loopback address; without, none is opened.
     */
    static List<String> overrides(String bootstrapServers, StateDir state, boolean live) {
        String port = live ? "0" : "-1";
        return List.of(
                "kafka.bootstrapServers=" + bootstrapServers,
                "kafka.schemaRegistryUrl=" + REGISTRY,
                "topics.partitions=2",
                "processor.stateDir=" + state.streamsDir(),
                "processor.statusHost=127.0.0.1",
                "processor.statusPort=" + port,
                "sink.statusHost=127.0.0.1",
                "sink.statusPort=" + port,
                "processor.batch.maxWait=200ms");
    }

    /** Where the live dashboard and the metrics are, or empty when they are off. */
    Optional<String> liveUrls() {
        if (processor.statusPort() < 0) {
            return Optional.empty();
        }
        String base = "http://127.0.0.1:";
        return Optional.of("dashboard " + base + processor.statusPort() + "/dashboard, metrics "
                + base + processor.statusPort() + "/metrics and " + base + copier.statusPort() + "/metrics");
    }

    /** A job on a pipeline: the configuration to use and how the summary names where it ran. */
    @FunctionalInterface
    interface Job {
        int run(AppConfig config, String where);
    }

    /**
     * Runs a job on the local pipeline of the state directory, which stays locked for it, printing where the live
     * dashboard and metrics are (unless {@code --no-live}).
     */
    static int run(OneShotOptions options, Function<List<String>, AppConfig> load, PrintWriter err, Job job) {
        try (StateDir state = StateDir.lock(options.stateDir());
             LocalPipeline pipeline = start(state, load, !options.noLive)) {
            pipeline.liveUrls().ifPresent(urls -> err.println("live: " + urls));
            return job.run(pipeline.config(), "local, state in " + state.path());
        }
    }

    /** @param load loads the configuration with these overrides added to the user's */
    static LocalPipeline start(StateDir state, Function<List<String>, AppConfig> load, boolean live) {
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.startPersistent(state.kafkaDir());
        try {
            AppConfig config = load.apply(overrides(kafka.bootstrapServers(), state, live));
            PinnedSchemas.register(REGISTRY.substring("mock://".length()), Topics.create(config));
            ProcessorService processor = ProcessorService.start(config, Duration.ofSeconds(120));
            try {
                CopierService copier = CopierService.start(config);
                LOGGER.info("local pipeline started stateDir={} millis={}", state.path(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                return new LocalPipeline(kafka, processor, copier, config);
            } catch (RuntimeException e) {
                processor.close();
                throw e;
            }
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        copier.close();
        processor.close();
        kafka.close();
    }
}
