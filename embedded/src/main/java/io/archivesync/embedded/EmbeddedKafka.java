package io.archivesync.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, combined broker and controller) inside this JVM, on 127.0.0.1 ephemeral ports.
 *
 * <p>Why in the JVM: it is ready in about two seconds, needs no Docker (there is none on these machines), and
 * dies with the test JVM. It is a single node configured so that transactions and Kafka Streams
 * {@code exactly_once_v2} work (see {@link KafkaBrokerProperties}); topics are not auto-created.
 *
 * <p>{@link #close()} shuts the broker down, waits for its threads, and deletes its log directory; a broker started
 * with {@link #startPersistent(Path)} keeps it, so the next start finds its topics, offsets and transactions again.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int START_ATTEMPTS = 3;
    private static final long READY_TIMEOUT_SECONDS = 30;

    private final KafkaRaftServer server;
    private final Path workDir;
    private final String bootstrapServers;
    private final boolean persistent;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, Path workDir, String bootstrapServers, boolean persistent) {
        this.server = server;
        this.workDir = workDir;
        this.bootstrapServers = bootstrapServers;
        this.persistent = persistent;
    }

    /**
     * Formats a fresh log directory and starts a broker on it.
     *
     * <p>The ports are found free just before the start but not reserved, so a start that fails (typically
     * because another process took a port meanwhile) is retried on new ports, up to three times in all.
     */
    public static EmbeddedKafka start() {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path workDir = TempDirs.create("archive-sync-kafka-");
            try {
                return startIn(workDir, false);
            } catch (RuntimeException e) {
                TempDirs.deleteQuietly(workDir);
                LOGGER.warn("Kafka broker did not start attempt={} of={} reason={}",
                        attempt, START_ATTEMPTS, e.toString());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw new IllegalStateException("Kafka broker did not start after " + START_ATTEMPTS + " attempts", failure);
    }

    /**
     * Starts a broker on a log directory that outlives it: formatted only the first time (one cluster id for good),
     * kept by {@link #close()}, recovered after a crash. A fresh pair of ports each start: the controller quorum is
     * static ({@code controller.quorum.voters}), so unlike a {@code --standalone} quorum, whose voter set records the
     * controller's address in the log, it does not care that the port changed. Other processes must not use the
     * directory at the same time; the caller holds a lock.
     */
    public static EmbeddedKafka startPersistent(Path dir) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startIn(TempDirs.createDirectories(dir), true);
            } catch (RuntimeException e) {
                LOGGER.warn("Kafka broker did not start attempt={} of={} dir={} reason={}",
                        attempt, START_ATTEMPTS, dir, e.toString());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw new IllegalStateException("Kafka broker did not start on " + dir + " after " + START_ATTEMPTS
                + " attempts", failure);
    }

    /** {@code 127.0.0.1:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker, waits until its threads have ended, and deletes its log directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop(server);
        if (!persistent) {
            TempDirs.deleteQuietly(workDir);
        }
        LOGGER.info("Kafka broker stopped bootstrapServers={}", bootstrapServers);
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + "]";
    }

    private static EmbeddedKafka startIn(Path workDir, boolean persistent) {
        long startedAt = System.nanoTime();
        int[] ports = FreePorts.find(2);
        Path logDir = workDir.resolve("data");
        Properties props = persistent ? KafkaBrokerProperties.staticQuorum(logDir, ports[0], ports[1])
                : KafkaBrokerProperties.of(logDir, ports[0], ports[1]);
        Path configFile = writeConfig(workDir, props);
        if (!persistent) {
            format(configFile, true);
        } else if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(configFile, false);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        String bootstrapServers = FreePorts.LOOPBACK + ":" + ports[0];
        try {
            server.startup();
            awaitReady(bootstrapServers);
        } catch (RuntimeException e) {
            stop(server);
            throw e;
        }
        LOGGER.info("Kafka broker started bootstrapServers={} controllerPort={} logDir={} persistent={} millis={}",
                bootstrapServers, ports[1], workDir, persistent,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return new EmbeddedKafka(server, workDir, bootstrapServers, persistent);
    }

    private static Path writeConfig(Path workDir, Properties props) {
        Path file = workDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "archive-sync embedded Kafka");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * {@code kafka-storage format}: a fresh cluster whose only voter is this node's controller, named in the log
     * ({@code --standalone}) or in the configuration (a static quorum).
     */
    private static void format(Path configFile, boolean standalone) {
        String[] args = standalone
                ? new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(), "--standalone"}
                : new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()};
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args, printStream);
        }
        String text = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IllegalStateException("kafka-storage format failed exitCode=" + exitCode + ": " + text);
        }
        LOGGER.debug("Kafka storage formatted output={}", text);
    }

    /** The broker answers metadata requests on its client listener: it is unfenced and usable. */
    private static void awaitReady(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "archive-sync-embedded-readiness");
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker not ready on " + bootstrapServers, e);
        }
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOGGER.warn("Kafka broker did not shut down cleanly", e);
        }
    }
}
