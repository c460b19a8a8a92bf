package io.archivesync.cli.oneshot;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.processor.ProcessorService;
import io.archivesync.sink.CopierService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline inside this command: a broker on the state directory's log, the processor with its stores there too,
 * and one copier, all in this JVM with the in-JVM registry. Everything that a run leaves (requests published, batches,
 * results, the processor's tables) survives it, so a later run on the same state directory resumes or answers from it.
 *
 * <p>The broker starts while the command plans (checks the destination, lists the source) on its own thread; a plan
 * that fails (a missing bucket, say) only waits for the broker to close. The processor and the copier start side by
 * side ({@link #startServices}): on a new state directory as soon as the plan is made, since everything will be
 * published; on an existing one only when there is something to publish, so a run whose every object is answered
 * from the state never starts them.
 */
final class LocalPipeline implements AutoCloseable {

    /** The in-JVM registry's scope: producer, processor and copier share this one JVM. */
    static final String REGISTRY = "mock://archive-sync-local";

    private static final Logger LOGGER = LoggerFactory.getLogger(LocalPipeline.class);

    private final EmbeddedKafka kafka;
    private final AppConfig config;
    private final PrintWriter err;
    private ProcessorService processor;
    private CopierService copier;
    private CompletableFuture<Void> services;

    private LocalPipeline(EmbeddedKafka kafka, AppConfig config, PrintWriter err) {
        this.kafka = kafka;
        this.config = config;
        this.err = err;
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

    /** Where the live dashboard and the metrics are, or empty when they are off (or the services not started). */
    Optional<String> liveUrls() {
        if (processor == null || processor.statusPort() < 0) {
            return Optional.empty();
        }
        String base = "http://127.0.0.1:";
        return Optional.of("dashboard " + base + processor.statusPort() + "/dashboard, metrics "
                + base + processor.statusPort() + "/metrics and " + base + copier.statusPort() + "/metrics");
    }

    /** A job on a pipeline: the configuration to use, how the summary names where it ran, and the services. */
    @FunctionalInterface
    interface Job {
        /** @param services starts the processor and the copier (once; later calls return at once) */
        int run(AppConfig config, String where, Runnable services);
    }

    /**
     * Runs a job on the local pipeline of the state directory, which stays locked for it. The broker starts on another
     * thread while {@code meanwhile} runs on this one (a command's planning); the job then runs, and starts the
     * services when it has something to publish, printing where the live dashboard and metrics are (unless
     * {@code --no-live}).
     */
    static int run(OneShotOptions options, Function<List<String>, AppConfig> load, PrintWriter err,
                   Runnable meanwhile, Job job) {
        try (StateDir state = StateDir.lock(options.stateDir())) {
            boolean fresh = !Files.isDirectory(state.kafkaDir());
            CompletableFuture<LocalPipeline> starting = CompletableFuture.supplyAsync(
                    () -> start(state, load, !options.noLive, err));
            try {
                meanwhile.run();
            } catch (RuntimeException e) {
                starting.handle((pipeline, error) -> {
                    if (pipeline != null) {
                        pipeline.close();
                    }
                    return null;
                }).join();
                throw e;
            }
            try (LocalPipeline pipeline = join(starting)) {
                if (fresh) {
                    // everything will be published: the services start while the job reads the (empty) state
                    pipeline.startServicesAsync();
                }
                return job.run(pipeline.config, "local, state in " + state.path(), pipeline::startServices);
            }
        }
    }

    /** @param load loads the configuration with these overrides added to the user's */
    static LocalPipeline start(StateDir state, Function<List<String>, AppConfig> load, boolean live,
                               PrintWriter err) {
        EmbeddedKafka kafka = EmbeddedKafka.startPersistent(state.kafkaDir());
        try {
            AppConfig config = load.apply(overrides(kafka.bootstrapServers(), state, live));
            PinnedSchemas.register(REGISTRY.substring("mock://".length()), Topics.create(config));
            return new LocalPipeline(kafka, config, err);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** Starts the processor and the copier side by side, once; returns when both run. */
    void startServices() {
        join(startServicesAsync());
    }

    /** Starts the processor and the copier side by side, once, on another thread. */
    synchronized CompletableFuture<Void> startServicesAsync() {
        if (services == null) {
            services = CompletableFuture.runAsync(this::startBoth);
        }
        return services;
    }

    private void startBoth() {
        long t0 = System.nanoTime();
        CompletableFuture<ProcessorService> starting = CompletableFuture.supplyAsync(
                () -> ProcessorService.start(config, Duration.ofSeconds(120)));
        CopierService started;
        try {
            started = CopierService.start(config);
        } catch (RuntimeException e) {
            starting.thenAccept(ProcessorService::close);
            throw e;
        }
        ProcessorService running;
        try {
            running = join(starting);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        synchronized (this) {
            processor = running;
        }
        synchronized (this) {
            copier = started;
        }
        LOGGER.info("local pipeline services started millis={}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        liveUrls().ifPresent(urls -> err.println("live: " + urls));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        CompletableFuture<Void> starting;
        synchronized (this) {
            starting = services;
        }
        if (starting != null) {
            // a start under way finishes first, so that what it started is closed
            starting.handle((done, error) -> null).join();
        }
        if (copier != null) {
            copier.close();
        }
        if (processor != null) {
            processor.close();
        }
        kafka.close();
    }
}
