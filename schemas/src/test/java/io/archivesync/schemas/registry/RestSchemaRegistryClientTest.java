package io.archivesync.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

import io.archivesync.schemas.registry.StubRegistryServer.Reply;

class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Order").namespace("test").fields()
            .requiredString("id").endRecord();
    private static final Reply ID_7 = new Reply(200, "{\"id\":7}");

    @Test
    void shouldSendBasicAuthFromUserInfo() throws IOException {
        // Given a registry client configured with Confluent's USER_INFO credentials
        try (StubRegistryServer server = StubRegistryServer.http(r -> ID_7)) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(Map.of(
                    "schema.registry.url", server.url(),
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "alice:s3cr:et"));

            // When it registers a schema
            client.register("orders-value", SCHEMA);

            // Then the Authorization header carries the credentials, the password's colon intact
            assertThat(server.requests()).singleElement()
                    .extracting(StubRegistryServer.Recorded::authorization)
                    .isEqualTo("Basic " + base64("alice:s3cr:et"));
        }
    }

    @Test
    void shouldTakeCredentialsFromTheUrlAndKeepThemOutOfIt() throws IOException {
        // Given credentials embedded in the URL (source URL, Confluent's default)
        try (StubRegistryServer server = StubRegistryServer.http(r -> ID_7)) {
            String url = server.url().replace("http://", "http://bob:p%40ss@");
            RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url", url));

            // When a request is made
            new RestSchemaRegistryClient(config).register("orders-value", SCHEMA);

            // Then the header is sent, decoded, and neither the URL nor the config's text shows the password
            assertThat(server.requests().get(0).authorization()).isEqualTo("Basic " + base64("bob:p@ss"));
            assertThat(config.urls()).singleElement().hasToString(server.url());
            assertThat(config.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
        }
    }

    @Test
    void shouldPostTheSchemaWithConfluentsContentTypeAndCacheBothDirections() throws IOException {
        // Given a registry answering id 7
        try (StubRegistryServer server = StubRegistryServer.http(r -> ID_7)) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));

            // When the same schema is registered many times and its id fetched
            for (int i = 0; i < 100; i++) {
                assertThat(client.register("orders value", SCHEMA)).isEqualTo(7);
            }
            assertThat(client.getById(7)).isEqualTo(SCHEMA);

            // Then one HTTP request was made, with the subject percent-encoded and the schema as a JSON string
            assertThat(server.requests()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/subjects/orders%20value/versions");
                assertThat(r.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
                assertThat(r.body()).contains("\"schema\":").contains("\\\"Order\\\"");
                assertThat(r.authorization()).isNull();
            });
        }
    }

    @Test
    void shouldFetchAndCacheASchemaById() throws IOException {
        // Given a registry serving schema 3
        String body = "{\"schema\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(SCHEMA.toString()) + "}";
        try (StubRegistryServer server = StubRegistryServer.http(r -> new Reply(200, body))) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));

            // When fetched twice / Then it parses, and the second time comes from the cache
            assertThat(client.getById(3)).isEqualTo(SCHEMA);
            assertThat(client.getById(3)).isEqualTo(SCHEMA);
            assertThat(server.requests()).singleElement()
                    .satisfies(r -> assertThat(r.path()).isEqualTo("/schemas/ids/3"));
        }
    }

    @Test
    void shouldTakeTheIdWhenAConcurrentRegistrationWonTheRace() throws IOException {
        // Given a registry that refuses a second registration of a new subject with 409 "already exists"
        // (as Apicurio does when two instances register at once) but finds the schema on lookup
        try (StubRegistryServer server = StubRegistryServer.http(r -> r.path().endsWith("/versions")
                ? new Reply(409, "{\"error_code\":409,\"message\":\"An artifact with ID 'orders-value' already exists.\"}")
                : new Reply(200, "{\"id\":9,\"version\":1}"))) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));

            // When registering / Then the schema's id comes from the lookup
            assertThat(client.register("orders-value", SCHEMA)).isEqualTo(9);
            assertThat(server.requests()).extracting(StubRegistryServer.Recorded::path)
                    .containsExactly("/subjects/orders-value/versions", "/subjects/orders-value");
        }
    }

    @Test
    void shouldCarryStatusAndErrorCodeOfARefusal() throws IOException {
        // Given a registry refusing an incompatible schema
        try (StubRegistryServer server = StubRegistryServer.http(
                r -> new Reply(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}"))) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));

            // When registering / Then the exception names the URL, the status and the registry's message
            assertThatThrownBy(() -> client.register("orders-value", SCHEMA))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.errorCode()).isEqualTo(409);
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e.getMessage()).contains(server.url() + "/subjects/orders-value/versions")
                                .contains("HTTP 409").contains("incompatible");
                    });
        }
    }

    @Test
    void shouldReportANonJsonErrorBodyVerbatim() throws IOException {
        // Given a proxy answering 502 with HTML
        try (StubRegistryServer server = StubRegistryServer.http(r -> new Reply(502, "<html>Bad gateway</html>"))) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));

            // When / Then the status is kept, marked retriable, and the body quoted
            assertThatThrownBy(() -> client.getById(1))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.isRetriable()).isTrue();
                        assertThat(e.getMessage()).contains("Bad gateway");
                    });
        }
    }

    @Test
    void shouldFailOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
        // Given a first URL where nothing listens and a second that answers
        try (StubRegistryServer server = StubRegistryServer.http(r -> ID_7)) {
            String urls = "http://127.0.0.1:" + closedPort() + "/, " + server.url();
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(urls));

            // When / Then the second answers
            assertThat(client.register("orders-value", SCHEMA)).isEqualTo(7);
        }
    }

    @Test
    void shouldSayWhichUrlsWereTriedWhenNoneAnswers() throws IOException {
        // Given only unreachable URLs
        String url = "http://127.0.0.1:" + closedPort();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(url));

        // When / Then there is no status and the message lists the URL
        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage()).contains(url);
                });
    }

    @Test
    void shouldGiveUpOnAHungRegistryWithinTheRequestTimeout() throws IOException {
        // Given a registry that never answers in time, and a 300 ms bound
        try (StubRegistryServer server = StubRegistryServer.http(r -> {
            sleep(3_000);
            return ID_7;
        })) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(Map.of(
                    "schema.registry.url", server.url(), "http.read.timeout.ms", "300"));

            // When / Then the call fails fast with no response rather than waiting
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.getById(1)).isInstanceOf(SchemaRegistryException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
        }
    }

    @Test
    void shouldTreatASubjectWithoutVersionsAsCompatible() throws IOException {
        // Given a registry answering 404 for the latest version of an unknown subject (as Apicurio does)
        try (StubRegistryServer server = StubRegistryServer.http(
                r -> new Reply(404, "{\"error_code\":40402,\"message\":\"No version 'latest' found\"}"))) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));

            // When / Then compatible, having asked the right endpoint
            assertThat(client.testCompatibility("new-value", SCHEMA)).isTrue();
            assertThat(server.requests().get(0).path())
                    .isEqualTo("/compatibility/subjects/new-value/versions/latest");
        }
    }

    @Test
    void shouldPutCompatibilityGloballyOrPerSubject() throws IOException {
        // Given a registry accepting config changes
        try (StubRegistryServer server = StubRegistryServer.http(r -> new Reply(200, "{\"compatibility\":\"x\"}"))) {
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.of(server.url()));

            // When set globally and for one subject
            client.setCompatibility(null, "BACKWARD");
            client.setCompatibility("orders-value", "FULL");

            // Then the paths and bodies are Confluent's
            assertThat(server.requests()).extracting(StubRegistryServer.Recorded::method, StubRegistryServer.Recorded::path,
                    StubRegistryServer.Recorded::body).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("PUT", "/config", "{\"compatibility\":\"BACKWARD\"}"),
                    org.assertj.core.groups.Tuple.tuple("PUT", "/config/orders-value", "{\"compatibility\":\"FULL\"}"));
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
