package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** {@code buckets.insert}, {@code buckets.list}, {@code buckets.get} and {@code buckets.delete}. */
final class BucketHandler {

    private final GcsStore store;

    BucketHandler(GcsStore store) {
        this.store = store;
    }

    /** {@code /b}: create (POST, name in the body) or list (GET). */
    void onBuckets(GcsRequest request) throws IOException {
        switch (request.method()) {
            case "POST" -> {
                ObjectNode body = Exchanges.jsonBody(request.exchange());
                StoredBucket bucket = store.createBucket(Resources.text(body, "name"));
                Exchanges.sendJson(request.exchange(), 200, Resources.bucket(bucket, request.baseUrl()));
            }
            case "GET" -> {
                ObjectNode page = Exchanges.JSON.createObjectNode();
                page.put("kind", "storage#buckets");
                ArrayNode items = page.putArray("items");
                store.buckets().forEach(bucket -> items.add(Resources.bucket(bucket, request.baseUrl())));
                Exchanges.sendJson(request.exchange(), 200, page);
            }
            default -> throw GcsRouter.unsupported(request);
        }
    }

    /** {@code /b/B}: get (GET) or delete (DELETE, only when empty). */
    void onBucket(GcsRequest request) throws IOException {
        String name = request.segment(1);
        switch (request.method()) {
            case "GET" -> Exchanges.sendJson(request.exchange(), 200,
                    Resources.bucket(store.bucket(name), request.baseUrl()));
            case "DELETE" -> {
                store.deleteBucket(name);
                Exchanges.sendEmpty(request.exchange(), 204);
            }
            default -> throw GcsRouter.unsupported(request);
        }
    }
}
