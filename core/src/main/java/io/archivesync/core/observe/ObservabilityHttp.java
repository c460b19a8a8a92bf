package io.archivesync.core.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The three paths every service answers: {@code /metrics} (Prometheus text format 0.0.4), {@code /health/live} and
 * {@code /health/ready} (200 when up, 503 when not, with a small JSON body saying why).
 */
public final class ObservabilityHttp {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObservabilityHttp() {
    }

    /** Adds the three contexts to {@code server}. */
    public static void install(HttpServer server, Observability observability) {
        server.createContext("/metrics", exchange -> metrics(exchange, observability));
        server.createContext("/health/live", exchange -> health(exchange, observability.live()));
        server.createContext("/health/ready", exchange -> health(exchange, observability.ready()));
    }

    private static void metrics(HttpExchange exchange, Observability observability) throws IOException {
        send(exchange, 200, PROMETHEUS_TEXT, observability.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private static void health(HttpExchange exchange, Health health) throws IOException {
        send(exchange, health.up() ? 200 : 503, "application/json", json(health));
    }

    static byte[] json(Health health) {
        try {
            return JSON.writeValueAsBytes(health.body());
        } catch (JsonProcessingException e) {
            return ("{\"status\":\"" + (health.up() ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }
}
