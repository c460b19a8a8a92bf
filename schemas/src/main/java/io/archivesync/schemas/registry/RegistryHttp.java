package io.archivesync.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link RestSchemaRegistryClient}: Confluent's content type, basic auth, bounded timeouts, and
 * fail-over to the next base URL when one cannot be reached. An HTTP error response is an answer, not an outage,
 * so it does not fail over; it becomes a {@link SchemaRegistryException} with the status and
 * {@code error_code}.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE
            + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_BODY_IN_MESSAGE = 300;
    private static final Logger LOGGER = LoggerFactory.getLogger(RegistryHttp.class);

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttp(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.tls().isConfigured()) {
            builder.sslContext(config.tls().toSslContext());
        }
        this.http = builder.build();
    }

    ObjectMapper json() {
        return json;
    }

    /** GET {@code path} (relative to each base URL, starting with '/'), returning the parsed JSON body. */
    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** POST a JSON body. */
    JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    /** PUT a JSON body. */
    JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        List<URI> urls = config.urls();
        IOException lastFailure = null;
        for (URI base : urls) {
            URI target = URI.create(base + path);
            HttpResponse<String> response;
            try {
                response = http.send(request(method, target, body), HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOGGER.warn("Schema registry unreachable method={} url={} error={}", method, target, e.toString());
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted during schema registry " + method + " " + target,
                        SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE, e);
            }
            return handle(method, target, response);
        }
        throw new SchemaRegistryException("No schema registry reachable for " + method + " " + path + " (tried "
                + urls + "): " + lastFailure, SchemaRegistryException.NO_RESPONSE,
                SchemaRegistryException.NO_RESPONSE, lastFailure);
    }

    private HttpRequest request(String method, URI target, JsonNode body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
        if (config.credentials() != null) {
            builder.header("Authorization", config.credentials().headerValue());
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        return builder.build();
    }

    private JsonNode handle(String method, URI target, HttpResponse<String> response) {
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        JsonNode parsed = parse(text);
        if (status >= 200 && status < 300) {
            if (parsed == null) {
                throw new SchemaRegistryException("Schema registry " + method + " " + target + " answered HTTP "
                        + status + " with a body that is not JSON: " + abbreviate(text), status, status);
            }
            return parsed;
        }
        int errorCode = status;
        String message = abbreviate(text);
        if (parsed != null && parsed.isObject()) {
            errorCode = parsed.path("error_code").asInt(status);
            message = parsed.path("message").asText(message);
        }
        throw new SchemaRegistryException("Schema registry " + method + " " + target + " failed: HTTP " + status
                + ", error_code " + errorCode + ": " + message, status, errorCode);
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
