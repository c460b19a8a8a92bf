package io.archivesync.processor.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.archivesync.core.log.LogSafe;
import io.archivesync.core.observe.Observability;
import io.archivesync.core.observe.ObservabilityHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's status endpoint: {@code GET /objects/{bucket}/{key}} answers what happened to an object (its
 * latest result), {@code GET /totals} the running efficiency totals. It binds before Streams starts, so that its
 * real port can be advertised to the other instances as {@code application.server}. It also serves the processor's
 * {@code /metrics}, {@code /health/live} and {@code /health/ready} ({@link ObservabilityHttp}).
 */
public final class StatusServer implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(StatusServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HostInfo self;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "archive-sync-status");
        t.setDaemon(true);
        return t;
    });
    private volatile StatusQueries queries;

    private StatusServer(HttpServer server, HostInfo self) {
        this.server = server;
        this.self = self;
    }

    /** Binds the port (0 = any free one); answers 503 until {@link #serve(KafkaStreams)} is called. */
    public static StatusServer bind(String host, int port) throws IOException {
        return bind(host, port, null);
    }

    /** As {@link #bind(String, int)}, serving also {@code observability}'s metrics and health (when not null). */
    public static StatusServer bind(String host, int port, Observability observability) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        StatusServer status = new StatusServer(server, new HostInfo(host, server.getAddress().getPort()));
        server.createContext("/objects/", status::objects);
        server.createContext("/totals", status::totals);
        server.setExecutor(status.executor);
        if (observability != null) {
            ObservabilityHttp.install(server, observability);
        }
        server.start();
        LOGGER.info("status endpoint listening host={} port={}", host, status.self.port());
        return status;
    }

    /** Serves {@code handler} under {@code path} on this port (the dashboard, for one). */
    public void register(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** {@code host:port} for Streams' {@code application.server}. */
    public String advertised() {
        return self.host() + ":" + self.port();
    }

    public int port() {
        return self.port();
    }

    public void serve(KafkaStreams streams) {
        this.queries = new StatusQueries(streams, self);
    }

    private void objects(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath().substring("/objects/".length());
        String destination = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        answer(exchange, () -> queries.object(destination, isLocal(exchange))
                .<Object>map(r -> r).orElse(null), "no result for " + destination);
    }

    private void totals(HttpExchange exchange) throws IOException {
        answer(exchange, () -> queries.totals(isLocal(exchange)), null);
    }

    private interface Query {
        Object run() throws IOException, InterruptedException;
    }

    private void answer(HttpExchange exchange, Query query, String notFound) throws IOException {
        int status;
        Object body;
        if (queries == null) {
            status = 503;
            body = Map.of("error", "starting");
        } else {
            try {
                body = query.run();
                status = body == null ? 404 : 200;
                if (body == null) {
                    body = Map.of("error", notFound);
                }
            } catch (InvalidStateStoreException e) {
                status = 503;
                body = Map.of("error", "state stores are not queryable now (rebalancing): " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 503;
                body = Map.of("error", "interrupted");
            } catch (IOException | RuntimeException e) {
                LOGGER.warn("status query failed path={} error={}", LogSafe.escape(exchange.getRequestURI().toString()),
                        LogSafe.escape(e.toString()));
                status = 502;
                body = Map.of("error", String.valueOf(e.getMessage()));
            }
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean isLocal(HttpExchange exchange) {
        String q = exchange.getRequestURI().getQuery();
        return q != null && q.contains("local=true");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
