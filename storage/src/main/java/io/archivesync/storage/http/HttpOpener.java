package io.archivesync.storage.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one request and answers with the response as it is, without following redirects: the store follows them,
 * each target through this opener again. The seam where the copier plugs in a client that checks the addresses it
 * connects to; {@link #jdk} is the plain JDK client, for sources an operator chose.
 */
@FunctionalInterface
public interface HttpOpener {

    /**
     * @param method  {@code HEAD} or {@code GET}
     * @param headers request headers (Range, If-Match, If-Unmodified-Since)
     * @throws IOException          when no answer came (refused, reset, timed out)
     * @throws InterruptedException when the calling thread was interrupted while waiting
     */
    HttpAnswer open(String method, URI uri, Map<String, String> headers) throws IOException, InterruptedException;

    /** A JDK client that follows no redirects, with a 10 s connect timeout and 60 s to the response's headers. */
    static HttpOpener jdk() {
        return jdk(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build(), Duration.ofSeconds(60));
    }

    /**
     * Requests through the given client, which should follow no redirects itself (else the store only sees where
     * they ended).
     *
     * @param timeout how long to wait for a response's headers (not for its body)
     */
    static HttpOpener jdk(HttpClient client, Duration timeout) {
        return (method, uri, headers) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .method(method, HttpRequest.BodyPublishers.noBody());
            headers.forEach(request::header);
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            return new HttpAnswer(response.statusCode(), response.headers(), response.body());
        };
    }
}
