package io.archivesync.sink.copy.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.DelegatingS3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Request;

/**
 * An async storage client whose every request first takes a permit of the {@link RequestRateLimiter}: the request is
 * sent when the permit's future completes, so no thread waits (an SDK interceptor could only wait by blocking the
 * thread that sends). Closing it closes the client it wraps.
 */
public final class RateLimitedS3AsyncClient extends DelegatingS3AsyncClient {

    private final RequestRateLimiter limiter;

    public RateLimitedS3AsyncClient(S3AsyncClient delegate, RequestRateLimiter limiter) {
        super(delegate);
        this.limiter = limiter;
    }

    @Override
    protected <T extends S3Request, R> CompletableFuture<R> invokeOperation(T request,
                                                                          Function<T, CompletableFuture<R>> operation) {
        RequestTarget target = RequestTarget.of(request);
        return limiter.permit(target.bucket(), target.key()).thenCompose(ignored -> operation.apply(request));
    }
}
