package io.archivesync.sink.copy;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.S3Settings;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.sink.copy.ratelimit.RateLimitedS3AsyncClient;
import io.archivesync.sink.copy.ratelimit.RateLimitedS3Client;
import io.archivesync.sink.copy.ratelimit.RequestRateLimiter;
import io.archivesync.storage.s3.S3BlobStore;
import io.archivesync.storage.s3.S3StoreOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The clients one copier talks to storage with: one for the destination, one per source region and credential kind
 * (signed or anonymous), and one HTTP client for HTTPS sources. SDK retries are off in all of them: the copier
 * retries by itself, so it counts each request and slows down when throttled. With {@code sink.rateLimit} request
 * caps set, every client is wrapped so that each request takes a permit of one {@link RequestRateLimiter} first.
 */
public final class StorageClients implements AutoCloseable {

    private final S3Settings s3;
    private final String sourceEndpoint;
    private final S3AsyncClient destination;
    private final Map<String, S3AsyncClient> sources = new ConcurrentHashMap<>();
    private final Map<String, S3Client> blockingSources = new ConcurrentHashMap<>();
    private final int readers;
    private final int uploadConnections;
    private final boolean sourcesOnOtherEndpoint;
    private final RequestRateLimiter limiter;
    private final List<ExecutionInterceptor> interceptors;

    public StorageClients(S3Settings s3, SinkSettings sink) {
        this(s3, sink, List.of());
    }

    /** @param interceptors see every request on the wire, after its rate-limit permit (tests count with one) */
    public StorageClients(S3Settings s3, SinkSettings sink, List<ExecutionInterceptor> interceptors) {
        this.s3 = s3;
        this.interceptors = List.copyOf(interceptors);
        this.limiter = sink.rateLimit().limitsRequests() ? new RequestRateLimiter(sink.rateLimit()) : null;
        this.sourceEndpoint = sink.sourceEndpoint() == null ? s3.endpoint() : sink.sourceEndpoint();
        this.sourcesOnOtherEndpoint = AppConfig.sourcesOnOtherEndpoint(s3, sink);
        this.readers = sink.streaming().concurrency();
        this.uploadConnections = sink.streaming().concurrency() * sink.streaming().partsInFlight() + 2;
        this.destination = limited(S3Clients.async(s3, s3.endpoint(), null, false, false, this.interceptors));
    }

    /** The S3 section these clients were built from. */
    public S3Settings s3() {
        return s3;
    }

    /**
     * The {@code s3} section's store on the storage interface, on these very clients (so their rate limit and
     * interceptors apply): the destination's, or an anonymous reader's. Not closed with the store.
     */
    public S3BlobStore store(boolean anonymous) {
        return anonymous
                ? new S3BlobStore(source(null, true), blockingSource(null, true), S3StoreOptions.DEFAULTS)
                : new S3BlobStore(destination, blockingDestination(), S3StoreOptions.DEFAULTS);
    }

    public S3AsyncClient destination() {
        return destination;
    }

    /** A client that reads sources of this region, with credentials or anonymously. */
    public S3AsyncClient source(String region, boolean anonymous) {
        String r = region == null || region.isBlank() ? s3.region() : region;
        if (!anonymous && r.equals(s3.region()) && Objects.equals(sourceEndpoint, s3.endpoint())) {
            return destination;
        }
        return sources.computeIfAbsent(r + "|" + anonymous,
                k -> limited(S3Clients.async(s3, sourceEndpoint, r, anonymous, false, interceptors)));
    }

    /**
     * A blocking client for streamed sources: they are read on the copier's reader threads, where a plain
     * InputStream over a pooled connection reads several times faster than the async client's blocking adapter.
     */
    public S3Client blockingSource(String region, boolean anonymous) {
        String r = region == null || region.isBlank() ? s3.region() : region;
        return blockingSources.computeIfAbsent(r + "|" + anonymous,
                k -> limited(S3Clients.sync(s3, sourceEndpoint, r, anonymous, false, readers + 2, interceptors)));
    }

    /** A blocking client for the destination, sized for the streamed parts in flight. */
    public S3Client blockingDestination() {
        return blockingSources.computeIfAbsent("destination",
                k -> limited(S3Clients.sync(s3, s3.endpoint(), null, false, false, uploadConnections,
                        interceptors)));
    }

    /**
     * Whether sources live on another endpoint than the destination: two servers (say AWS and a MinIO) cannot copy
     * between each other, so every byte has to pass through the copier.
     */
    public boolean sourcesOnOtherEndpoint() {
        return sourcesOnOtherEndpoint;
    }

    private S3AsyncClient limited(S3AsyncClient client) {
        return limiter == null ? client : new RateLimitedS3AsyncClient(client, limiter);
    }

    private S3Client limited(S3Client client) {
        return limiter == null ? client : new RateLimitedS3Client(client, limiter);
    }

    @Override
    public void close() {
        sources.values().forEach(S3AsyncClient::close);
        blockingSources.values().forEach(S3Client::close);
        destination.close();
        if (limiter != null) {
            limiter.close();
        }
    }
}
