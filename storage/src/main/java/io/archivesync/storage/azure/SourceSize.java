package io.archivesync.storage.azure;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The length of an object behind a URL Azure is to copy from, when the caller did not say: a GET of its first byte
 * ({@code Range: bytes=0-0}), since a presigned URL is signed for GET only and would refuse a HEAD. The length is in
 * the 206's Content-Range; a 416 means an empty object; a server that ignores the range answers 200 with the whole
 * length, and its body is closed unread.
 */
final class SourceSize {

    private static final Logger LOGGER = LoggerFactory.getLogger(SourceSize.class);

    private final HttpClient http;

    SourceSize(HttpClient http) {
        this.http = http;
    }

    CompletableFuture<Long> of(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().header("Range", "bytes=0-0")
                .timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(SourceSize::length);
    }

    private static long length(HttpResponse<InputStream> response) {
        try {
            return length(response.statusCode(), response);
        } finally {
            closeUnread(response.body());
        }
    }

    private static void closeUnread(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            LOGGER.debug("Closing the copy source's probe failed: {}", e.toString());
        }
    }

    private static long length(int status, HttpResponse<?> response) {
        try {
            if (status == 416) {
                return 0L;
            }
            if (status == 206) {
                String range = response.headers().firstValue("Content-Range").orElse("");
                int slash = range.lastIndexOf('/');
                if (slash >= 0 && !range.endsWith("*")) {
                    return Long.parseLong(range.substring(slash + 1).strip());
                }
            }
            if (status == 200) {
                return response.headers().firstValueAsLong("Content-Length").orElse(-1);
            }
            if (status >= 300) {
                throw new StorageException(AzureErrors.kind(status, null), String.valueOf(status), status,
                        "the copy source answered " + status + " for its first byte", null);
            }
            throw new StorageException(ErrorKind.INVALID, "UnknownLength", status,
                    "the copy source gave no length (status " + status + ")", null);
        } catch (NumberFormatException e) {
            throw new StorageException(ErrorKind.INVALID, "BadContentRange", -1,
                    "the copy source's Content-Range is not a length", e);
        }
    }
}
