package io.archivesync.benchmarks;

import com.google.api.client.http.javanet.ConnectionFactory;
import com.google.api.client.http.javanet.DefaultConnectionFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.cloud.http.HttpTransportOptions;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Counts the HTTP requests of a {@code google-cloud-storage} client: its transport opens one connection object per
 * request, through this factory. Why not {@link CountingHttpProxy}: a resumable upload goes on at the session URL the
 * server hands out, which names the server itself, so a proxy in front of it sees only the first request.
 *
 * <p>The method is not known when the connection is opened, so a request's kind is its URL's: {@code uploadType
 * =resumable} alone opens a session, with {@code upload_id} it sends bytes, {@code alt=media} reads content.
 */
final class CountingConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate = new DefaultConnectionFactory();
    private final RequestTally tally = new RequestTally();

    /** Transport options whose every request is counted here. */
    HttpTransportOptions transportOptions() {
        return HttpTransportOptions.newBuilder()
                .setHttpTransportFactory(() -> new NetHttpTransport.Builder().setConnectionFactory(this).build())
                .build();
    }

    RequestTally tally() {
        return tally;
    }

    @Override
    public HttpURLConnection openConnection(URL url) throws IOException {
        String path = url.getPath();
        String kind = path.startsWith("/upload/") ? "upload" : path.contains("/o/") ? "object" : "bucket";
        tally.add(RequestTally.kind(kind, url.getQuery() == null ? "" : "?" + url.getQuery()));
        return delegate.openConnection(url);
    }
}
