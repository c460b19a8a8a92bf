package io.archivesync.sink.copy;

import io.archivesync.core.s3.ETags;
import io.archivesync.storage.http.HttpAnswer;
import io.archivesync.storage.http.HttpOpener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.Abortable;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * GETs HTTP(S) sources through the {@link SourcePolicy}: its resolver is the client's, so the addresses checked are
 * the ones connected to (the JDK's HttpClient cannot be given a resolver before Java 18), and redirects are followed
 * here, each target checked against the allow-list and resolved through the same resolver. No proxy: a proxy would
 * resolve the host itself, out of the policy's sight.
 *
 * <p>Refusals and HTTP errors become an {@link S3Exception} carrying the status, so the copier's classification and
 * retry rules apply: a refusal is 403 {@code SourceNotAllowed}, final.
 */
final class HttpSourceClient implements AutoCloseable {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final SourcePolicy policy;
    private final SdkHttpClient http;
    private final ExecutorService opens;

    /** @param connections connections kept per host: the streamed copies and sidecar reads at once */
    HttpSourceClient(SourcePolicy policy, int connections) {
        this.policy = policy;
        this.http = ApacheHttpClient.builder()
                .maxConnections(connections)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofMinutes(2))
                .dnsResolver(policy::resolve)
                .proxyConfiguration(ProxyConfiguration.builder().useSystemPropertyValues(false)
                        .useEnvironmentVariableValues(false).build())
                .build();
        AtomicInteger n = new AtomicInteger();
        this.opens = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "archive-sync-http-open-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** This client's threads, for blocking work on HTTP sources (opening, resolving) that callers must not do. */
    Executor executor() {
        return opens;
    }

    /** {@link #open} on a thread of this client's, for callers that must not block. */
    CompletableFuture<SourceStream> openAsync(String uri) {
        return CompletableFuture.supplyAsync(() -> open(uri), opens);
    }

    /** A GET of the URL, following up to five redirects, each one checked as the first request was. Blocks. */
    SourceStream open(String uri) {
        URI current = URI.create(uri);
        for (int hop = 0; ; hop++) {
            String refusal = policy.refusal(current.toString());
            if (refusal != null) {
                throw refused(uri, current + " refused: " + refusal);
            }
            HttpExecuteResponse response = execute(uri, current);
            int status = response.httpResponse().statusCode();
            InputStream body = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream());
            if (REDIRECTS.contains(status) && response.httpResponse().firstMatchingHeader("Location").isPresent()
                    && hop < MAX_REDIRECTS) {
                abort(body);
                current = current.resolve(response.httpResponse().firstMatchingHeader("Location").get());
                continue;
            }
            if (status / 100 != 2) {
                abort(body);
                throw httpError(uri, status);
            }
            long length = response.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong)
                    .orElse(-1L);
            return new SourceStream(body, length < 0 ? null : length,
                    response.httpResponse().firstMatchingHeader("Content-Type").orElse(null), Map.of(),
                    response.httpResponse().firstMatchingHeader("ETag").map(ETags::unquote).orElse(null));
        }
    }

    private HttpExecuteResponse execute(String uri, URI target) {
        try {
            return http.prepareRequest(HttpExecuteRequest.builder()
                    .request(SdkHttpRequest.builder().uri(target).method(SdkHttpMethod.GET).build())
                    .build()).call();
        } catch (IOException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof SourceRefusedException refused) {
                    throw refused(uri, (target.toString().equals(uri) ? "" : "redirected to " + target + ": ")
                            + refused.getMessage());
                }
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Stops reading: aborting drops the connection, where closing would read a stalled or large body to its end. */
    static void abort(InputStream in) {
        if (in instanceof Abortable abortable) {
            abortable.abort();
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read or release
        }
    }

    static S3Exception httpError(String uri, int status) {
        String code = switch (status) {
            case 404 -> "NoSuchKey";
            case 403 -> "AccessDenied";
            default -> "HTTP" + status;
        };
        return error(uri, status, code, uri + " answered HTTP " + status);
    }

    private static S3Exception refused(String uri, String why) {
        return error(uri, 403, SourceGuard.ERROR_CLASS, "source " + uri + " refused at connect time: " + why);
    }

    private static S3Exception error(String uri, int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }

    /**
     * This client as the storage interface's {@link HttpOpener}: one request, redirects not followed (the store follows
     * them, each through here again), connected through the policy's resolver, so the addresses checked are the ones
     * connected to for HTTP(S) sources of every destination.
     */
    public HttpOpener opener() {
        return (method, uri, headers) -> {
            SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
            headers.forEach(request::putHeader);
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(request.build()).build()).call();
            Map<String, List<String>> answerHeaders = response.httpResponse().headers();
            InputStream body = response.responseBody().map(b -> (InputStream) b)
                    .orElseGet(InputStream::nullInputStream);
            return new HttpAnswer(response.httpResponse().statusCode(), HttpHeaders.of(answerHeaders, (a, b) -> true),
                    body);
        };
    }

    @Override
    public void close() {
        opens.shutdownNow();
        http.close();
    }
}
