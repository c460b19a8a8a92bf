package io.archivesync.embedded.gcs;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Google Cloud Storage JSON API in this JVM, on a 127.0.0.1 ephemeral port, empty at start.
 *
 * <p>Use {@code try (GcsFixture gcs = GcsFixture.start(); Storage storage = gcs.endpoint().newClient())}, or take
 * the shared one from the {@code Stack}. What it implements is listed in the package documentation.
 */
public final class GcsFixture implements AutoCloseable {

    /** The project the clients name; the fixture has one namespace of buckets whatever the project. */
    public static final String PROJECT_ID = "test";

    private static final Logger LOGGER = LoggerFactory.getLogger(GcsFixture.class);
    private static final int STOP_DELAY_SECONDS = 0;

    private final HttpServer server;
    private final ExecutorService executor;
    private final GcsEndpoint endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GcsFixture(HttpServer server, ExecutorService executor, GcsEndpoint endpoint) {
        this.server = server;
        this.executor = executor;
        this.endpoint = endpoint;
    }

    public static GcsFixture start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the GCS fixture to a loopback port", e);
        }
        URI uri = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new GcsRouter(new GcsStore(Clock.systemUTC()), uri.toString()));
        server.start();
        LOGGER.info("GCS fixture started endpoint={}", uri);
        return new GcsFixture(server, executor, new GcsEndpoint(uri, PROJECT_ID));
    }

    public GcsEndpoint endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.endpoint().getPort();
    }

    /** Stops the server and its threads; the objects are gone. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(STOP_DELAY_SECONDS);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOGGER.warn("GCS fixture threads did not stop endpoint={}", endpoint.endpoint());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOGGER.info("GCS fixture stopped endpoint={}", endpoint.endpoint());
    }

    @Override
    public String toString() {
        return "GcsFixture[" + endpoint.endpoint() + "]";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gcs-fixture-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
