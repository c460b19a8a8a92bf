package io.archivesync.storage.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A web server for tests on 127.0.0.1 and a free port: {@code /obj.bin} with an ETag, If-Match and Range;
 * {@code /plain.bin}, the same bytes, ignoring Range; {@code /busy} 503; {@code /moved} a redirect to
 * {@code /obj.bin}; anything else 404.
 */
final class TinyHttpServer implements AutoCloseable {

    static final String ETAG = "v1";
    static final String LAST_MODIFIED = "Tue, 15 Nov 1994 08:12:31 GMT";

    private final HttpServer server;
    private final byte[] bytes;

    TinyHttpServer(byte[] bytes) throws IOException {
        this.bytes = bytes;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestURI().getPath()) {
                case "/obj.bin" -> object(exchange, true);
                case "/plain.bin" -> object(exchange, false);
                case "/busy" -> exchange.sendResponseHeaders(503, -1);
                case "/moved" -> {
                    exchange.getResponseHeaders().set("Location", "/obj.bin");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void object(HttpExchange exchange, boolean ranges) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", "\"" + ETAG + "\"");
        headers.set("Last-Modified", LAST_MODIFIED);
        headers.set("Content-Type", "application/octet-stream");
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch != null && !ifMatch.equals("\"" + ETAG + "\"")) {
            exchange.sendResponseHeaders(412, -1);
            return;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        int status = 200;
        int from = 0;
        int to = bytes.length;
        if (ranges && range != null && range.startsWith("bytes=")) {
            String[] parts = range.substring(6).split("-", 2);
            from = Integer.parseInt(parts[0]);
            to = parts[1].isEmpty() ? bytes.length : Math.min(bytes.length, Integer.parseInt(parts[1]) + 1);
            if (from >= bytes.length) {
                headers.set("Content-Range", "bytes */" + bytes.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            status = 206;
            headers.set("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + bytes.length);
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", String.valueOf(to - from));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, to - from);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(Arrays.copyOfRange(bytes, from, to));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
