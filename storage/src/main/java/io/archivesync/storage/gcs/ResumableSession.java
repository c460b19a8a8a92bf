package io.archivesync.storage.gcs;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.json.JsonHttpContent;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.storage.model.StorageObject;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resumable upload session of the GCS JSON API, spoken over the client's own transport and credentials.
 *
 * <p>Why not the client's {@code WriteChannel}: closing it always finalizes the object (with whatever was written so
 * far), and it exposes neither the session URL nor a cancel. Here the session is opened with a POST (its URL comes
 * back in {@code Location}), bytes go in PUTs of {@code Content-Range: bytes a-b/*} (multiples of 256 KiB) answered
 * 308 with the persisted {@code Range}, the object appears only at the PUT that names the total, and a DELETE cancels
 * the session (GCS answers 499).
 *
 * <p>A session outlives the process that opened it (GCS keeps it a week): {@link #reopen} takes it up again by its
 * URL, and {@link #query} asks how much it persisted, a PUT of no bytes with {@code Content-Range: bytes * /*}.
 */
final class ResumableSession {

    /** Every chunk but the last must be a multiple of this. */
    static final int GRANULE = 256 * 1024;

    private static final Logger LOGGER = LoggerFactory.getLogger(ResumableSession.class);
    private static final int RESUME_INCOMPLETE = 308;
    private static final int CLIENT_CLOSED_REQUEST = 499;
    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");
    private static final GsonFactory JSON = GsonFactory.getDefaultInstance();

    private final HttpRequestFactory requests;
    private final String url;
    private final String what;
    /** The requests this session was sent from this process: its opening, chunks, queries, the cancel. */
    private int sent;

    private ResumableSession(HttpRequestFactory requests, String url, String what, int sent) {
        this.requests = requests;
        this.url = url;
        this.what = what;
        this.sent = sent;
    }

    /**
     * Opens a session for {@code resource} (bucket, name, content type, metadata, storage class).
     *
     * @param ifGenerationMatch the generation the object must have when the upload finishes (0: must not exist), or
     *                          null; GCS checks it at the last PUT
     */
    static ResumableSession open(HttpRequestFactory requests, String host, StorageObject resource,
                                 Long ifGenerationMatch) {
        String what = "opening an upload to gs://" + resource.getBucket() + "/" + resource.getName();
        GenericUrl start = new GenericUrl(host);
        start.appendRawPath("/upload/storage/v1/b/" + encode(resource.getBucket()) + "/o");
        start.set("uploadType", "resumable");
        start.set("name", resource.getName());
        if (ifGenerationMatch != null) {
            start.set("ifGenerationMatch", ifGenerationMatch);
        }
        try {
            HttpResponse response = send(requests.buildPostRequest(start, new JsonHttpContent(JSON, resource)));
            try {
                if (response.getStatusCode() != 200 && response.getStatusCode() != 201) {
                    throw GcsErrors.status(response.getStatusCode(), response.parseAsString(), what);
                }
                String location = response.getHeaders().getLocation();
                if (location == null || location.isBlank()) {
                    throw GcsErrors.status(response.getStatusCode(), "no Location header", what);
                }
                return new ResumableSession(requests, location, "uploading to gs://" + resource.getBucket() + "/"
                        + resource.getName(), 1);
            } finally {
                response.disconnect();
            }
        } catch (IOException e) {
            throw GcsErrors.from(e, what);
        }
    }

    /**
     * A session opened earlier (by this process or one that died), by its URL. Only a resumable upload into
     * {@code bucket} on this store's own host is taken: the request carries the store's credentials, which must not go
     * to a URL read from elsewhere (a journal).
     *
     * @return empty for a URL that is not such a session
     */
    static Optional<ResumableSession> reopen(HttpRequestFactory requests, String host, String bucket, String name,
                                             String url) {
        if (!isSessionOf(host, bucket, url)) {
            LOGGER.warn("Not resuming a write whose id is not an upload session of this store object=gs://{}/{}",
                    bucket, name);
            return Optional.empty();
        }
        return Optional.of(new ResumableSession(requests, url, "uploading to gs://" + bucket + "/" + name, 0));
    }

    /**
     * How many bytes the session has persisted, from the first; -1 when there is nothing to go on from: the session
     * was cancelled or has expired (404, 410, 499), or it already wrote its object (200, 201).
     */
    long query() {
        try {
            sent++;
            HttpResponse response = send(chunkRequest(new byte[0], 0, 0, 0, "*"));
            try {
                int status = response.getStatusCode();
                if (status == RESUME_INCOMPLETE) {
                    return persisted(response.getHeaders().getRange());
                }
                if (status == 200 || status == 201 || status == 404 || status == 410
                        || status == CLIENT_CLOSED_REQUEST) {
                    LOGGER.info("Upload session cannot be resumed object={} status={}", what, status);
                    return -1;
                }
                throw GcsErrors.status(status, response.parseAsString(), what);
            } finally {
                response.disconnect();
            }
        } catch (IOException e) {
            throw GcsErrors.from(e, what);
        }
    }

    /**
     * The requests about this session made through this object: the POST that opened it (not by {@link #reopen}),
     * and every PUT and DELETE since, each once (the transport's own retries are not seen).
     */
    int requests() {
        return sent;
    }

    /** The session URL: the write's id, and all one needs to resume or cancel it. */
    String url() {
        return url;
    }

    /**
     * Sends bytes {@code [first, first + length)} of the object, not the last ones.
     *
     * @return how many bytes of the object GCS has persisted now
     */
    long put(byte[] data, int offset, int length, long first) {
        try {
            sent++;
            HttpResponse response = send(chunkRequest(data, offset, length, first, "*"));
            try {
                if (response.getStatusCode() != RESUME_INCOMPLETE) {
                    throw GcsErrors.status(response.getStatusCode(), response.parseAsString(), what);
                }
                return persisted(response.getHeaders().getRange());
            } finally {
                response.disconnect();
            }
        } catch (IOException e) {
            throw GcsErrors.from(e, what);
        }
    }

    /**
     * Sends the last bytes {@code [first, first + length)} (none: {@code length} 0) and names the total, which
     * makes the object.
     *
     * @return the object written, or null when GCS persisted less than everything (the caller sends the rest)
     */
    StorageObject finish(byte[] data, int offset, int length, long first) {
        try {
            HttpRequest request = chunkRequest(data, offset, length, first, Long.toString(first + length));
            request.setParser(new JsonObjectParser(JSON));
            sent++;
            HttpResponse response = send(request);
            try {
                int status = response.getStatusCode();
                if (status == 200 || status == 201) {
                    return response.parseAs(StorageObject.class);
                }
                if (status == RESUME_INCOMPLETE) {
                    return null;
                }
                throw GcsErrors.status(status, response.parseAsString(), what);
            } finally {
                response.disconnect();
            }
        } catch (IOException e) {
            throw GcsErrors.from(e, what);
        }
    }

    /** Cancels the session, so nothing is written and GCS releases what it staged. Never throws. */
    void cancel() {
        try {
            sent++;
            HttpResponse response = send(requests.buildDeleteRequest(new GenericUrl(url)));
            int status = response.getStatusCode();
            response.disconnect();
            if (status != CLIENT_CLOSED_REQUEST && status != 204 && status != 200 && status != 404) {
                LOGGER.warn("Cancelling a resumable upload was refused object={} status={}", what, status);
            } else {
                LOGGER.debug("Resumable upload cancelled object={} status={}", what, status);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Cancelling a resumable upload failed object={} error={}", what, e.toString());
        }
    }

    private HttpRequest chunkRequest(byte[] data, int offset, int length, long first, String total)
            throws IOException {
        HttpContent content = new ByteArrayContent(null, data, offset, length);
        HttpRequest request = requests.buildPutRequest(new GenericUrl(url), content);
        String range = length == 0 ? "*" : first + "-" + (first + length - 1);
        request.getHeaders().setContentRange("bytes " + range + "/" + total);
        return request;
    }

    private static HttpResponse send(HttpRequest request) throws IOException {
        request.setThrowExceptionOnExecuteError(false);
        request.setFollowRedirects(false);
        return request.execute();
    }

    /** {@code bytes=0-N} means N + 1 bytes persisted; no header means none. */
    private long persisted(String range) {
        if (range == null || range.isBlank()) {
            return 0;
        }
        Matcher matcher = RANGE.matcher(range.strip());
        if (!matcher.matches()) {
            throw GcsErrors.status(RESUME_INCOMPLETE, "unreadable Range " + range, what);
        }
        return Long.parseLong(matcher.group(1)) + 1;
    }

    /** GCS lost bytes we no longer hold: the upload cannot go on, but a new one can. */
    StorageException lost(long persisted, long expected) {
        return new StorageException(ErrorKind.TRANSIENT, "UploadLostBytes", RESUME_INCOMPLETE, what
                + " failed: GCS persisted " + persisted + " bytes, fewer than the " + expected + " already let go",
                null);
    }

    private static boolean isSessionOf(String host, String bucket, String url) {
        try {
            URI session = new URI(url);
            URI store = new URI(host);
            String path = (store.getRawPath() == null ? "" : store.getRawPath()) + "/upload/storage/v1/b/"
                    + encode(bucket) + "/o";
            return store.getScheme().equalsIgnoreCase(session.getScheme())
                    && store.getHost() != null && store.getHost().equalsIgnoreCase(session.getHost())
                    && store.getPort() == session.getPort()
                    && path.equals(session.getRawPath())
                    && session.getRawQuery() != null && session.getRawQuery().contains("upload_id=");
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
