package io.archivesync.processor.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /events}: a Server-Sent Events stream per open page. The handler only answers the headers and hands the
 * exchange over, so no status-server thread is held while a page stays open; the feed thread writes every event.
 * At most {@code maxClients} streams are open; a page that went away is dropped at the next write.
 */
final class EventStream implements HttpHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] HELLO = "retry: 2000\n: connected\n\n".getBytes(StandardCharsets.UTF_8);

    private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();
    private final int maxClients;

    EventStream(int maxClients) {
        this.maxClients = maxClients;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        if (clients.size() >= maxClients) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            LOGGER.warn("dashboard event stream refused open={} max={} (processor.dashboard.maxClients)",
                    clients.size(), maxClients);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(HELLO);
        out.flush();
        clients.add(exchange);
    }

    /** Sends one {@code data:} event to every open stream (from the feed thread only). */
    void broadcast(String json) {
        byte[] event = ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (HttpExchange client : clients) {
            try {
                OutputStream out = client.getResponseBody();
                out.write(event);
                out.flush();
            } catch (IOException e) {
                clients.remove(client);
                client.close();
            }
        }
    }

    int open() {
        return clients.size();
    }

    void close() {
        for (HttpExchange client : clients) {
            client.close();
        }
        clients.clear();
    }
}
