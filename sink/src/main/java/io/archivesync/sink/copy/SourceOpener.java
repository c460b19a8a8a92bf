package io.archivesync.sink.copy;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.s3.ETags;
import io.archivesync.core.s3.S3Location;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Opens a source for reading: S3 with GetObject (signed or anonymous, in the source's region; conditional on the
 * expected ETag so a replaced source is not mixed up), or HTTP(S) with a GET through {@link HttpSourceClient}, which
 * checks the addresses it connects to. One storage request either way. An HTTP error status becomes an
 * {@link software.amazon.awssdk.services.s3.model.S3Exception} carrying it, so the same classification and retry
 * rules apply.
 */
final class SourceOpener {

    private final BiFunction<String, Boolean, S3AsyncClient> sources;
    private final BiFunction<String, Boolean, S3Client> blockingSources;
    private final HttpSourceClient http;

    SourceOpener(BiFunction<String, Boolean, S3AsyncClient> sources,
                 BiFunction<String, Boolean, S3Client> blockingSources, HttpSourceClient http) {
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
            return http.open(uri);
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

    /** A GET of an HTTP(S) URL, checked by the source policy; also used for the .CHECKSUM sidecars. */
    CompletableFuture<SourceStream> openHttp(String uri) {
        return http.openAsync(uri);
    }

    /**
     * Stops reading a source (at the copy timeout, say): aborted rather than closed, since closing a stalled or large
     * HTTP body would read it to its end first.
     */
    static void close(InputStream in) {
        HttpSourceClient.abort(in);
    }
}
