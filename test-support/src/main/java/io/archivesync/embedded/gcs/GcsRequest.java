package io.archivesync.embedded.gcs;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * One request as the handlers see it.
 *
 * @param exchange the JDK exchange, for the body and the response
 * @param segments the decoded path segments after the API prefix, e.g. {@code [b, bucket, o, name]}
 * @param query    decoded query parameters
 * @param baseUrl  the fixture's URL, for links and the resumable upload {@code Location}
 */
record GcsRequest(HttpExchange exchange, List<String> segments, Map<String, String> query, String baseUrl) {

    String method() {
        return exchange.getRequestMethod();
    }

    String segment(int index) {
        return segments.get(index);
    }
}
