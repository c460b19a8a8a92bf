package io.archivesync.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azurite, Microsoft's Azure Storage emulator, serving the Blob API from a node child process, in memory.
 *
 * <p>Why Azurite: it is the emulator the Azure SDKs are tested against, so the real {@code azure-storage-blob}
 * client signs, stages blocks and copies against a real server. Why from npm: it is a node application; the
 * version is pinned by {@code test-support/azurite/package-lock.json} and installed with {@code npm ci} when
 * {@code node_modules} is missing. Node comes from the PATH ({@code .ci/run} installs Debian's nodejs and npm).
 *
 * <p>What it lacks (3.37.0): Put Blob From URL, and any copy whose source is outside this Azurite.
 */
public final class EmbeddedAzurite implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedAzurite.class);
    static final String PACKAGE = "azurite";
    private static final long START_TIMEOUT_MILLIS = 30_000;
    private static final int START_ATTEMPTS = 3;

    private final AzuriteProcess child;
    private final AzureBlobEndpoint endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedAzurite(AzuriteProcess child) {
        this.child = child;
        URI blob = URI.create("http://" + FreePorts.LOOPBACK + ":" + child.port() + "/"
                + AzureBlobEndpoint.AZURITE_ACCOUNT);
        this.endpoint = new AzureBlobEndpoint(blob, AzureBlobEndpoint.AZURITE_ACCOUNT, AzureBlobEndpoint.AZURITE_KEY);
    }

    /** The {@code node} on the PATH, if any: without it Azurite cannot run, and callers skip rather than fail. */
    public static Optional<Path> node() {
        return NodePackage.onPath("node");
    }

    /**
     * Installs the pinned Azurite if need be, starts it on a free loopback port and waits until it listens. A start
     * that loses its port to another process is retried on a new port.
     *
     * @throws IllegalStateException if node is not on the PATH, npm ci fails, or Azurite does not come up
     */
    public static EmbeddedAzurite start() {
        Path node = node().orElseThrow(() -> new IllegalStateException(
                "node is not on the PATH: Azurite needs it (.ci/run installs Debian's nodejs and npm)"));
        NodePackage azurite = NodePackage.locate(PACKAGE);
        azurite.ensureInstalled(PACKAGE);
        long startedAt = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            AzuriteProcess child = AzuriteProcess.launch(node, azurite.dir(), FreePorts.find());
            try {
                awaitListening(child);
                EmbeddedAzurite started = new EmbeddedAzurite(child);
                LOGGER.info("Azurite started blobEndpoint={} pid={} millis={}", started.endpoint.blobEndpoint(),
                        child.pid(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
                return started;
            } catch (RuntimeException e) {
                String logTail = child.logTail();
                child.stop();
                if (attempt < START_ATTEMPTS && logTail.toUpperCase(Locale.ROOT).contains("EADDRINUSE")) {
                    LOGGER.warn("Azurite port taken, retrying port={} attempt={}", child.port(), attempt);
                    continue;
                }
                throw new IllegalStateException(e.getMessage() + "\n--- azurite log (tail) ---\n" + logTail, e);
            }
        }
    }

    /** The development account on this Azurite, with its blob endpoint. */
    public AzureBlobEndpoint endpoint() {
        return endpoint;
    }

    /** The node process, for checks that it has really gone. */
    ProcessHandle processHandle() {
        return child.handle();
    }

    /** Stops the node process (SIGTERM twice, then SIGKILL) and deletes its directory. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long startedAt = System.nanoTime();
            int sigterms = child.stop();
            LOGGER.info("Azurite stopped blobEndpoint={} sigterms={} millis={}", endpoint.blobEndpoint(), sigterms,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        }
    }

    @Override
    public String toString() {
        return "EmbeddedAzurite[" + endpoint.blobEndpoint() + "]";
    }

    private static void awaitListening(AzuriteProcess child) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (!child.listening()) {
            if (!child.isAlive()) {
                throw new IllegalStateException("Azurite exited with code " + child.exitValue()
                        + " before it listened");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Azurite not listening after " + START_TIMEOUT_MILLIS + " ms on port "
                        + child.port());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Azurite", e);
            }
        }
        if (!child.isAlive()) {
            throw new IllegalStateException("Azurite exited with code " + child.exitValue() + " after it listened");
        }
    }
}
