package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;

/** {@code objects.get} (metadata, or media with {@code alt=media}), {@code objects.delete} and {@code objects.list}. */
final class ObjectHandler {

    private final GcsStore store;

    ObjectHandler(GcsStore store) {
        this.store = store;
    }

    /** {@code /b/B/o/O}. */
    void onObject(GcsRequest request) throws IOException {
        switch (request.method()) {
            case "GET" -> {
                if ("media".equals(request.query().get("alt"))) {
                    media(request);
                } else {
                    Exchanges.sendJson(request.exchange(), 200, Resources.object(find(request), request.baseUrl()));
                }
            }
            case "DELETE" -> {
                store.delete(request.segment(1), request.segment(3),
                        Preconditions.longParam(request.query(), "generation"),
                        Preconditions.fromQuery(request.query(), ""));
                Exchanges.sendEmpty(request.exchange(), 204);
            }
            default -> throw GcsRouter.unsupported(request);
        }
    }

    /**
     * The object's bytes, whole (200) or the {@code Range} asked for (206), with the headers the client reads:
     * generation, metageneration, stored length and {@code x-goog-hash}.
     */
    void media(GcsRequest request) throws IOException {
        StoredObject object = find(request);
        ByteRange range = ByteRange.parse(request.exchange().getRequestHeaders().getFirst("Range"), object.size());
        Headers headers = request.exchange().getResponseHeaders();
        headers.set("Content-Type", object.attributes().contentType());
        headers.set("ETag", "\"" + object.generation() + "\"");
        headers.set("x-goog-generation", Long.toString(object.generation()));
        headers.set("x-goog-metageneration", Long.toString(object.metageneration()));
        headers.set("x-goog-stored-content-length", Long.toString(object.size()));
        headers.set("x-goog-stored-content-encoding", "identity");
        headers.set("x-goog-storage-class", object.attributes().storageClass());
        headers.set("x-goog-hash", object.checksums().header());
        headers.set("Accept-Ranges", "bytes");
        if (range == null) {
            Exchanges.sendBytes(request.exchange(), 200, object.content());
        } else {
            headers.set("Content-Range", range.contentRange(object.size()));
            Exchanges.sendBytes(request.exchange(), 206, object.content(), Math.toIntExact(range.first()),
                    Math.toIntExact(range.length()));
        }
    }

    /** {@code /b/B/o} with GET: a page of objects and prefixes. */
    void list(GcsRequest request) throws IOException {
        if (!"GET".equals(request.method())) {
            throw GcsRouter.unsupported(request);
        }
        ObjectLister.Page page = ObjectLister.list(store.bucket(request.segment(1)), request.query());
        ObjectNode json = Exchanges.JSON.createObjectNode();
        json.put("kind", "storage#objects");
        if (page.nextPageToken() != null) {
            json.put("nextPageToken", page.nextPageToken());
        }
        if (!page.prefixes().isEmpty()) {
            ArrayNode prefixes = json.putArray("prefixes");
            page.prefixes().forEach(prefixes::add);
        }
        if (!page.items().isEmpty()) {
            ArrayNode items = json.putArray("items");
            page.items().forEach(object -> items.add(Resources.object(object, request.baseUrl())));
        }
        Exchanges.sendJson(request.exchange(), 200, json);
    }

    private StoredObject find(GcsRequest request) {
        return store.get(request.segment(1), request.segment(3),
                Preconditions.longParam(request.query(), "generation"),
                Preconditions.fromQuery(request.query(), ""));
    }
}
