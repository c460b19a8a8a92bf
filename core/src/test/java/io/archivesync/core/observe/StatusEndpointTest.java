package io.archivesync.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StatusEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeMetricsAndAnswerReadyOnlyOnceTheServiceSaysSo() throws Exception {
        // Given a service's endpoint on a free loopback port, with one counter and a readiness switch
        AtomicBoolean ready = new AtomicBoolean();
        try (Observability observability = new Observability("test");
             StatusEndpoint endpoint = StatusEndpoint.bind("127.0.0.1", 0, "test.statusPort", observability)) {
            observability.registry().counter("archivesync.test.events").increment(3);
            observability.readiness(() -> ready.get() ? Health.up(Map.of("queue", "ok"))
                    : Health.down("not connected", Map.of()));

            // When it is scraped and asked for health before and after it is ready
            HttpResponse<String> metrics = get(endpoint, "/metrics");
            HttpResponse<String> live = get(endpoint, "/health/live");
            HttpResponse<String> notReady = get(endpoint, "/health/ready");
            ready.set(true);
            HttpResponse<String> isReady = get(endpoint, "/health/ready");

            // Then metrics come in the Prometheus text format, and readiness follows the check: 503, then 200
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).contains("archivesync_test_events_total 3.0").contains("jvm_memory_used_bytes");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("\"reason\":\"not connected\"")
                    .contains("\"service\":\"test\"");
            assertThat(isReady.statusCode()).isEqualTo(200);
            assertThat(isReady.body()).contains("\"status\":\"UP\"").contains("\"queue\":\"ok\"");
        }
    }

    @Test
    void shouldNotBindWhenThePortIsMinusOne() {
        // Given a port of -1 (off)
        try (Observability observability = new Observability("test")) {
            // Then nothing is bound
            assertThat(StatusEndpoint.bind("127.0.0.1", -1, "test.statusPort", observability)).isNull();
        }
    }

    private HttpResponse<String> get(StatusEndpoint endpoint, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
