package io.archivesync.embedded;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apicurio schema registry, run as a child process, speaking the Confluent Schema Registry REST API.
 *
 * <p>Why a child process: Confluent's registry is not on Maven Central, and Apicurio is a Quarkus application whose
 * classpath would clash with ours. Why Apicurio: it is a real registry that answers the Confluent API under
 * {@code /apis/ccompat/v7}, so the Confluent-format serdes are exercised against a real server. Its compatibility
 * default is NONE, not Confluent's BACKWARD; callers that care set it with {@code PUT /config}.
 *
 * <p>The child's output goes to a log file in a temporary directory; a start that fails reports the log's tail.
 * A JVM shutdown hook kills the child if {@link #close()} was never called, so it never outlives this JVM.
 */
public final class ApicurioRegistry implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ApicurioRegistry.class);
    private static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final long STOP_TIMEOUT_SECONDS = 15;
    private static final int START_ATTEMPTS = 3;

    private final RegistryProcess child;
    private final String confluentApiUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApicurioRegistry(RegistryProcess child) {
        this.child = child;
        this.confluentApiUrl = "http://" + FreePorts.LOOPBACK + ":" + child.port() + CONFLUENT_API_PATH;
    }

    /** Starts the registry from the distribution found by {@link #locateHome()}. */
    public static ApicurioRegistry start() {
        return start(locateHome());
    }

    /**
     * Starts the registry from the unpacked distribution in {@code home} and waits until its Confluent API answers.
     * A start that loses its port to another process is retried on a new port.
     */
    public static ApicurioRegistry start(Path home) {
        Path runnerJar = ApicurioHome.runnerJar(home);
        long startedAt = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            RegistryProcess child = RegistryProcess.launch(runnerJar, FreePorts.find(), STOP_TIMEOUT_SECONDS);
            try {
                awaitReady(child);
                ApicurioRegistry registry = new ApicurioRegistry(child);
                LOGGER.info("Schema registry started url={} pid={} millis={}", registry.confluentApiUrl,
                        child.pid(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
                return registry;
            } catch (RuntimeException e) {
                String logTail = child.logTail();
                child.stop();
                if (attempt < START_ATTEMPTS && logTail.toLowerCase().contains("in use")) {
                    LOGGER.warn("Schema registry port taken, retrying port={} attempt={}", child.port(), attempt);
                    continue;
                }
                throw new IllegalStateException(e.getMessage() + "\n--- registry log (tail) ---\n" + logTail, e);
            }
        }
    }

    /**
     * The distribution directory: system property {@value ApicurioHome#PROPERTY}, else environment variable
     * {@value ApicurioHome#ENV}, else {@code test-support/target/apicurio} in the working directory or above it.
     *
     * @throws IllegalStateException if none holds the registry's runner jar
     */
    public static Path locateHome() {
        return ApicurioHome.locate(System::getProperty, System::getenv, Path.of(""));
    }

    /** {@code http://127.0.0.1:PORT/apis/ccompat/v7}: the base URL Confluent-style clients expect. */
    public String confluentApiUrl() {
        return confluentApiUrl;
    }

    /** The child process, for checks that it has really gone. */
    ProcessHandle processHandle() {
        return child.handle();
    }

    /** Asks the child to stop, kills it if it has not within 15 s, and deletes its directory. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            child.stop();
            LOGGER.info("Schema registry stopped url={}", confluentApiUrl);
        }
    }

    @Override
    public String toString() {
        return "ApicurioRegistry[" + confluentApiUrl + "]";
    }

    private static void awaitReady(RegistryProcess child) {
        URI probe = URI.create("http://" + FreePorts.LOOPBACK + ":" + child.port() + CONFLUENT_API_PATH + "/subjects");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (true) {
            if (!child.isAlive()) {
                throw new IllegalStateException("Schema registry exited with code " + child.exitValue()
                        + " before it was ready");
            }
            if (answersOk(probe)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Schema registry not ready after " + START_TIMEOUT_MILLIS
                        + " ms on " + probe);
            }
            sleep(100);
        }
    }

    /** Plain HttpURLConnection: unlike java.net.http.HttpClient on Java 17, it leaves no selector thread behind. */
    private static boolean answersOk(URI uri) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(2_000);
            return connection.getResponseCode() == HttpURLConnection.HTTP_OK;
        } catch (IOException notYet) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
        }
    }

    /** The JVM flags INFRA.md measured: small heap, serial GC, C1 only — it starts in 2–3 s at ~180 MB RSS. */
    static List<String> command(String java, Path runnerJar, int port) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xmx128m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dquarkus.http.host=" + FreePorts.LOOPBACK);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(runnerJar.toAbsolutePath().toString());
        return command;
    }
}
