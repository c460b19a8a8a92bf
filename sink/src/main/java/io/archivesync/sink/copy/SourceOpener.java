package io.archivesync.sink.copy;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.s3.ETags;
import io.archivesync.core.s3.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Opens a source for reading: S3 with GetObject (signed or anonymous, in the source's region; conditional on the
 * expected ETag so a replaced source is not mixed up), or HTTP(S) with a GET. One storage request either way. An HTTP
 * error status becomes an {@link S3Exception} carrying it, so the same classification and retry rules apply.
 */
final class SourceOpener {

    private final BiFunction<String, Boolean, S3AsyncClient> sources;
    private final BiFunction<String, Boolean, S3Client> blockingSources;
    private final HttpClient http;

    SourceOpener(BiFunction<String, Boolean, S3AsyncClient> sources,
                 BiFunction<String, Boolean, S3Client> blockingSources, HttpClient http) {
        this.sources = sources;
        this.blockingSources = blockingSources;
        this.http = http;
    }

    /**
     * Opens a source on the calling (reader) thread: S3 with the blocking client, HTTP(S) as {@link #open}. Only for
     * threads that may block.
     */
    SourceStream openBlocking(FileSyncRequest request) {
        String uri = request.getSource().getUri();
        if (!S3Location.isS3(uri)) {
            return openHttp(uri).join();
        }
        S3Location source = S3Location.parse(uri);
        String etag = ETags.unquote(request.getExpectedEtag());
        ResponseInputStream<GetObjectResponse> in = blockingSources.apply(request.getSource().getRegion(),
                        request.getSource().getAnonymous())
                .getObject(b -> b.bucket(source.bucket()).key(source.key())
                        .ifMatch(etag == null ? null : "\"" + etag + "\""));
        return new SourceStream(in, in.response().contentLength(), in.response().contentType(),
                in.response().metadata(), ETags.unquote(in.response().eTag()));
    }

    CompletableFuture<SourceStream> open(FileSyncRequest request) {
        String uri = request.getSource().getUri();
        String etag = ETags.unquote(request.getExpectedEtag());
        if (S3Location.isS3(uri)) {
            S3Location source = S3Location.parse(uri);
            return sources.apply(request.getSource().getRegion(), request.getSource().getAnonymous())
                    .getObject(b -> b.bucket(source.bucket()).key(source.key())
                                    .ifMatch(etag == null ? null : "\"" + etag + "\""),
                            AsyncResponseTransformer.toBlockingInputStream())
                    .thenApply(in -> new SourceStream(in, in.response().contentLength(), in.response().contentType(),
                            in.response().metadata(), ETags.unquote(in.response().eTag())));
        }
        return openHttp(uri);
    }

    /** A GET of an HTTP(S) URL; also used for the .CHECKSUM sidecars of HTTP sources. */
    CompletableFuture<SourceStream> openHttp(String uri) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(2)).GET().build();
        return http.sendAsync(get, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                close(response.body());
                throw httpError(uri, response.statusCode());
            }
            long length = response.headers().firstValueAsLong("content-length").orElse(-1);
            return new SourceStream(response.body(), length < 0 ? null : length,
                    response.headers().firstValue("content-type").orElse(null), Map.of(),
                    response.headers().firstValue("etag").map(ETags::unquote).orElse(null));
        });
    }

    private static S3Exception httpError(String uri, int status) {
        String code = switch (status) {
            case 404 -> "NoSuchKey";
            case 403 -> "AccessDenied";
            default -> "HTTP" + status;
        };
        return (S3Exception) S3Exception.builder().statusCode(status)
                .message(uri + " answered HTTP " + status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
                        .errorMessage(uri + " answered HTTP " + status).build())
                .build();
    }

    static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read or release
        }
    }
}
