package io.archivesync.core.s3;

import io.archivesync.core.config.S3Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds S3 clients from {@link S3Settings}, in one place, so every part of archive-sync talks to storage the same
 * way: endpoint override and path style for non-AWS servers, static or default credentials, or none at all for
 * public archives.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /** The async client the copier uses: many requests in flight on a few threads. */
    public static S3AsyncClient async(S3Settings s3, String region, boolean anonymous) {
        return async(s3, s3.endpoint(), region, anonymous, true);
    }

    /**
     * An async client for another endpoint (a source on another server) and, when {@code sdkRetries} is false, with
     * the SDK's own retries off: the copier retries by itself so that it can count every request it makes and lower
     * its concurrency when throttled.
     */
    public static S3AsyncClient async(S3Settings s3, String endpoint, String region, boolean anonymous,
                                      boolean sdkRetries) {
        return async(s3, endpoint, region, anonymous, sdkRetries, List.of());
    }

    /** The same, with interceptors that see every request (tests count requests on the wire with one). */
    public static S3AsyncClient async(S3Settings s3, String endpoint, String region, boolean anonymous,
                                      boolean sdkRetries, List<ExecutionInterceptor> interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofMinutes(15))
                .executionInterceptors(interceptors);
        if (!sdkRetries) {
            override.retryStrategy(b -> b.maxAttempts(1));
        }
        var builder = S3AsyncClient.builder()
                .region(Region.of(region == null ? s3.region() : region))
                .credentialsProvider(credentials(s3, anonymous))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build())
                .overrideConfiguration(override.build())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroup(EventLoops.SHARED)
                        .maxConcurrency(s3.maxConcurrency())
                        .connectionAcquisitionTimeout(Duration.ofMinutes(2)));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** A blocking client for listing, where one request at a time is the natural pace. */
    public static S3Client sync(S3Settings s3, String region, boolean anonymous) {
        return sync(s3, s3.endpoint(), region, anonymous, true, 50);
    }

    /**
     * A blocking client for another endpoint, with SDK retries on or off (see the async variant), and a connection
     * pool of {@code maxConnections}: the copier streams objects with it on its own reader and uploader threads.
     */
    public static S3Client sync(S3Settings s3, String endpoint, String region, boolean anonymous, boolean sdkRetries,
                                int maxConnections) {
        return sync(s3, endpoint, region, anonymous, sdkRetries, maxConnections, List.of());
    }

    /** The same, with interceptors that see every request. */
    public static S3Client sync(S3Settings s3, String endpoint, String region, boolean anonymous, boolean sdkRetries,
                                int maxConnections, List<ExecutionInterceptor> interceptors) {
        var builder = S3Client.builder()
                .region(Region.of(region == null ? s3.region() : region))
                .credentialsProvider(credentials(s3, anonymous))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxConnections));
        builder.overrideConfiguration(o -> {
            o.executionInterceptors(interceptors);
            if (!sdkRetries) {
                o.retryStrategy(b -> b.maxAttempts(1));
            }
        });
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    static AwsCredentialsProvider credentials(S3Settings s3, boolean anonymous) {
        if (anonymous) {
            return AnonymousCredentialsProvider.create();
        }
        if (s3.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
