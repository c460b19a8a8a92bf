package io.archivesync.processor.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /dashboard} and its two assets, read once from the jar. Only these names are served: nothing of the
 * request path reaches a resource lookup.
 */
final class DashboardPage implements HttpHandler {

    private static final String BASE = "/dashboard";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    DashboardPage() {
        this.files = Map.of(
                "index.html", read("index.html"),
                "dashboard.css", read("dashboard.css"),
                "dashboard.js", read("dashboard.js"));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String name = path.equals(BASE) || path.equals(BASE + "/") ? "index.html"
                : path.substring(Math.min(path.length(), BASE.length() + 1));
        byte[] body = files.get(name);
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(name));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = DashboardPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
