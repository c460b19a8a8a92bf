package io.archivesync.sink.copy.ratelimit;

import java.util.function.Function;
import software.amazon.awssdk.services.s3.DelegatingS3Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Request;

/**
 * A blocking storage client whose every request first waits for a permit of the {@link RequestRateLimiter}, on the
 * calling thread: the copier uses blocking clients only on its own reader and uploader threads, where waiting is
 * what they are for. Closing it closes the client it wraps.
 */
public final class RateLimitedS3Client extends DelegatingS3Client {

    private final RequestRateLimiter limiter;

    public RateLimitedS3Client(S3Client delegate, RequestRateLimiter limiter) {
        super(delegate);
        this.limiter = limiter;
    }

    @Override
    protected <T extends S3Request, R> R invokeOperation(T request, Function<T, R> operation) {
        RequestTarget target = RequestTarget.of(request);
        limiter.permitBlocking(target.bucket(), target.key());
        return operation.apply(request);
    }
}
