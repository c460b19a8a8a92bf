package io.archivesync.embedded.gcs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to the handler of its operation, and turns a refused request into a GCS error body.
 *
 * <p>Paths, after the prefix ({@code /storage/v1}, {@code /download/storage/v1} or {@code /upload/storage/v1}):
 * {@code b} (buckets), {@code b/B} (one bucket), {@code b/B/o} (list, uploads), {@code b/B/o/O} (one object) and
 * {@code b/B/o/O/rewriteTo/b/B2/o/O2}. Object names arrive percent-encoded as one segment. Anything else is 501.
 */
final class GcsRouter implements HttpHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(GcsRouter.class);
    private static final String API = "/storage/v1/";
    private static final String DOWNLOAD = "/download/storage/v1/";
    private static final String UPLOAD = "/upload/storage/v1/";

    private final String baseUrl;
    private final BucketHandler buckets;
    private final ObjectHandler objects;
    private final UploadHandler uploads;
    private final ResumableUploadHandler resumableUploads;
    private final RewriteHandler rewrites;

    GcsRouter(GcsStore store, String baseUrl) {
        this.baseUrl = baseUrl;
        this.buckets = new BucketHandler(store);
        this.objects = new ObjectHandler(store);
        this.uploads = new UploadHandler(store);
        this.resumableUploads = new ResumableUploadHandler(store);
        this.rewrites = new RewriteHandler(store);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        try {
            route(exchange, rawPath);
        } catch (GcsException e) {
            LOGGER.debug("GCS request refused method={} path={} status={} message={}",
                    method, rawPath, e.error().status(), e.getMessage());
            Exchanges.drain(exchange);
            Exchanges.sendError(exchange, e.error(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("GCS request failed method={} path={}", method, rawPath, e);
            throw e;
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String rawPath) throws IOException {
        String method = exchange.getRequestMethod();
        if (rawPath.startsWith(UPLOAD)) {
            GcsRequest request = request(exchange, rawPath, UPLOAD);
            requireShape(request, 3, "o");
            if (request.query().containsKey("upload_id")) {
                resumableUploads.continueUpload(request);
            } else if ("POST".equals(method)) {
                uploads.upload(request, resumableUploads);
            } else {
                throw unsupported(request);
            }
        } else if (rawPath.startsWith(DOWNLOAD)) {
            GcsRequest request = request(exchange, rawPath, DOWNLOAD);
            requireShape(request, 4, "o");
            if (!"GET".equals(method)) {
                throw unsupported(request);
            }
            objects.media(request);
        } else if (rawPath.startsWith(API) || rawPath.equals("/storage/v1")) {
            routeApi(request(exchange, rawPath, API));
        } else {
            throw GcsError.NOT_IMPLEMENTED.exception("Not a GCS JSON API path: " + method + " " + rawPath);
        }
    }

    private void routeApi(GcsRequest request) throws IOException {
        List<String> segments = request.segments();
        if (segments.isEmpty() || !"b".equals(segments.get(0))) {
            throw unsupported(request);
        }
        switch (segments.size()) {
            case 1 -> buckets.onBuckets(request);
            case 2 -> buckets.onBucket(request);
            case 3 -> {
                requireShape(request, 3, "o");
                objects.list(request);
            }
            case 4 -> {
                requireShape(request, 4, "o");
                objects.onObject(request);
            }
            case 9 -> {
                if (!"o".equals(segments.get(2)) || !"rewriteTo".equals(segments.get(4))
                        || !"b".equals(segments.get(5)) || !"o".equals(segments.get(7))
                        || !"POST".equals(request.method())) {
                    throw unsupported(request);
                }
                rewrites.rewrite(request);
            }
            default -> throw unsupported(request);
        }
    }

    private GcsRequest request(HttpExchange exchange, String rawPath, String prefix) {
        List<String> segments = new ArrayList<>();
        String rest = rawPath.length() > prefix.length() ? rawPath.substring(prefix.length()) : "";
        for (String raw : rest.split("/", -1)) {
            if (!raw.isEmpty()) {
                segments.add(Exchanges.decodePathSegment(raw));
            }
        }
        return new GcsRequest(exchange, List.copyOf(segments), Exchanges.query(exchange), baseUrl);
    }

    private static void requireShape(GcsRequest request, int size, String collection) {
        List<String> segments = request.segments();
        if (segments.size() != size || !"b".equals(segments.get(0)) || !collection.equals(segments.get(2))) {
            throw unsupported(request);
        }
    }

    static GcsException unsupported(GcsRequest request) {
        return GcsError.NOT_IMPLEMENTED.exception("The fixture does not implement " + request.method() + " "
                + request.exchange().getRequestURI().getRawPath());
    }
}
