package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reading requests and writing responses of the JDK HTTP server, the way the GCS JSON API frames them. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** The query parameters, decoded; a repeated parameter keeps its first value. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Percent-decodes one path segment; unlike a query, a {@code +} in a path is a plus. */
    static String decodePathSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The request body, un-gzipped if the client compressed it (the Google HTTP client does by default). A body of
     * known length is read straight into an array of its size, not gathered in pieces and copied.
     */
    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream raw = exchange.getRequestBody()) {
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
                try (InputStream gunzipped = new GZIPInputStream(raw)) {
                    return gunzipped.readAllBytes();
                }
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && length.strip().matches("\\d{1,9}")) {
                byte[] body = new byte[Integer.parseInt(length.strip())];
                int read = raw.readNBytes(body, 0, body.length);
                if (read < body.length) {
                    throw GcsError.BAD_REQUEST.exception("The body ended after " + read + " of its " + body.length
                            + " bytes");
                }
                return body;
            }
            return raw.readAllBytes();
        }
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static ObjectNode jsonBody(HttpExchange exchange) throws IOException {
        return parseJson(body(exchange));
    }

    static ObjectNode parseJson(byte[] bytes) {
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw GcsError.BAD_REQUEST.exception("The body is not JSON: " + e.getMessage());
        }
        throw GcsError.BAD_REQUEST.exception("The body is not a JSON object");
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException("Cannot write JSON", e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        sendBytes(exchange, status, bytes);
    }

    static void sendBytes(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            sendEmpty(exchange, status);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendBytes(HttpExchange exchange, int status, byte[] bytes, int offset, int length)
            throws IOException {
        if (length == 0) {
            sendEmpty(exchange, status);
            return;
        }
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes, offset, length);
        }
    }

    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** A GCS error body: {@code {"error": {"code", "message", "errors": [{"reason", "message", "domain"}]}}}. */
    static void sendError(HttpExchange exchange, GcsError error, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode inner = body.putObject("error");
        inner.put("code", error.status());
        inner.put("message", message);
        ObjectNode detail = inner.putArray("errors").addObject();
        detail.put("domain", "global");
        detail.put("reason", error.reason());
        detail.put("message", message);
        sendJson(exchange, error.status(), body);
    }

    /**
     * Drains what the client sent, if a handler has not read it yet, so that the connection can be reused. A body
     * already read and closed is no failure: the error answer must go out either way.
     */
    static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // Already consumed and closed by the handler.
        }
    }
}
