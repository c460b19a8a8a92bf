package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApicurioRegistryIT {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldRegisterASchemaAndServeItById() throws Exception {
        try (ApicurioRegistry registry = ApicurioRegistry.start()) {
            // Given an Avro schema registered under a subject through the Confluent API
            String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"ObjectMirrored\\\","
                    + "\\\"fields\\\":[{\\\"name\\\":\\\"key\\\",\\\"type\\\":\\\"string\\\"}]}";
            HttpResponse<String> registered = send(HttpRequest.newBuilder(
                            URI.create(registry.confluentApiUrl() + "/subjects/mirror-events-value/versions"))
                    .header("Content-Type", CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + schema + "\"}")));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            Matcher id = ID.matcher(registered.body());
            assertThat(id.find()).as(registered.body()).isTrue();

            // When it is fetched by the id the registry gave it
            HttpResponse<String> fetched = send(HttpRequest.newBuilder(
                    URI.create(registry.confluentApiUrl() + "/schemas/ids/" + id.group(1))).GET());

            // Then the same schema comes back
            assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
            assertThat(fetched.body()).contains("ObjectMirrored").contains("\\\"key\\\"");
        }
    }

    @Test
    void shouldStopTheChildProcessOnClose() {
        // Given a running registry
        ApicurioRegistry registry = ApicurioRegistry.start();
        ProcessHandle child = registry.processHandle();
        URI url = URI.create(registry.confluentApiUrl());
        assertThat(child.isAlive()).isTrue();

        // When it is closed
        registry.close();

        // Then its process is gone and its port is closed
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
        assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(accepts(url.getHost(), url.getPort())).isFalse();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
