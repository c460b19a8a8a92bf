package io.archivesync.processor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.processor.status.StatusServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private StatusServer status;

    @AfterEach
    void stop() {
        if (status != null) {
            status.close();
        }
    }

    @Test
    void shouldServeThePageAndItsAssetsButNothingElse() throws Exception {
        // Given the page on a status server
        status = StatusServer.bind("127.0.0.1", 0);
        status.register("/dashboard", new DashboardPage());

        // Then the page, its script and style are served, and any other name is not
        HttpResponse<String> page = get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
        assertThat(page.body()).contains("/dashboard/dashboard.js").doesNotContain("https://");
        assertThat(get("/dashboard/dashboard.js").body()).contains("new EventSource('/events')");
        assertThat(get("/dashboard/dashboard.css").statusCode()).isEqualTo(200);
        assertThat(get("/dashboard/../totals").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/StatusServer.class").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldStreamEveryBroadcastToAnOpenPageWithoutHoldingAServerThread() throws Exception {
        // Given an event stream that allows two pages, and three pages opening
        status = StatusServer.bind("127.0.0.1", 0);
        EventStream events = new EventStream(2);
        status.register("/events", events);
        HttpRequest open = HttpRequest.newBuilder(uri("/events")).build();
        HttpResponse<InputStream> first = http.send(open, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> second = http.send(open, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> third = http.send(open, HttpResponse.BodyHandlers.ofInputStream());

        // Then two are streams, the third is refused, and the server still answers other paths (its two threads
        // are not held by the open streams)
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(get("/totals").statusCode()).isEqualTo(503);

        // When a view is broadcast
        await().atMost(Duration.ofSeconds(5)).until(() -> events.open() == 2);
        events.broadcast("{\"n\":1}");

        // Then the page reads it as one data event
        BufferedReader reader = new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8));
        String line;
        do {
            line = reader.readLine();
        } while (line != null && !line.startsWith("data:"));
        assertThat(line).isEqualTo("data: {\"n\":1}");
        first.body().close();
        second.body().close();
        events.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + status.port() + path);
    }
}
