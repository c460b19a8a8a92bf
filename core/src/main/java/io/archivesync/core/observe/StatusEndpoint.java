package io.archivesync.core.observe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's own small HTTP endpoint for {@code /metrics} and {@code /health/*} (the copier's and the SQS bridge's;
 * the processor serves them on its status endpoint). One daemon thread answers: scrapes and health checks are cheap.
 */
public final class StatusEndpoint implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(StatusEndpoint.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private StatusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} (0 = any free port) and serves, or returns null when {@code port} is -1 (off).
     *
     * @param setting the setting that chose the port, named when it cannot be bound
     */
    public static StatusEndpoint bind(String host, int port, String setting, Observability observability) {
        if (port < 0) {
            return null;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the status endpoint on " + host + ":" + port + " (" + setting
                    + ")", e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "archive-sync-status");
            t.setDaemon(true);
            return t;
        });
        ObservabilityHttp.install(server, observability);
        server.setExecutor(executor);
        server.start();
        LOGGER.info("status endpoint listening host={} port={} paths=/metrics,/health/live,/health/ready", host,
                server.getAddress().getPort());
        return new StatusEndpoint(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
