package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code objects.rewrite}: copies an object, possibly to another bucket, in as many calls as
 * {@code maxBytesRewrittenPerCall} makes it take.
 *
 * <p>Why honour the limit: GCS answers {@code done=false} with a {@code rewriteToken} for large or cross-location
 * copies, and a client that never follows tokens works in tests and fails in production. The first call snapshots
 * the source, so a source overwritten in between does not tear the copy; the destination is written by the call
 * that finishes. A token stays valid, so a client retrying a call gets the same answer. The destination takes the
 * attributes in the request body, each one the body leaves out (content
 * type, user metadata, storage class) copied from the source.
 */
final class RewriteHandler {

    private final GcsStore store;
    private final ConcurrentMap<String, Rewrite> rewrites = new ConcurrentHashMap<>();

    /** A rewrite under way: what it copies, where to, and how far it got. */
    private record Rewrite(StoredObject source, String bucket, String name, StoredObject.ObjectAttributes attributes,
                           long bytesDone) {
    }

    RewriteHandler(GcsStore store) {
        this.store = store;
    }

    void rewrite(GcsRequest request) throws IOException {
        ObjectNode body = Exchanges.jsonBody(request.exchange());
        String token = request.query().get("rewriteToken");
        Rewrite rewrite = token == null || token.isEmpty() ? begin(request, body) : resume(request, token);
        Long perCall = Preconditions.longParam(request.query(), "maxBytesRewrittenPerCall");
        long size = rewrite.source().size();
        long done = perCall == null || perCall <= 0 ? size : Math.min(size, rewrite.bytesDone() + perCall);

        ObjectNode response = Exchanges.JSON.createObjectNode();
        response.put("kind", "storage#rewriteResponse");
        response.put("totalBytesRewritten", Long.toString(done));
        response.put("objectSize", Long.toString(size));
        if (done < size) {
            String next = UUID.randomUUID().toString();
            rewrites.put(next, new Rewrite(rewrite.source(), rewrite.bucket(), rewrite.name(), rewrite.attributes(),
                    done));
            response.put("done", false);
            response.put("rewriteToken", next);
        } else {
            StoredObject written = store.put(rewrite.bucket(), rewrite.name(), rewrite.source().content(),
                    rewrite.source().checksums(), rewrite.attributes(), Preconditions.fromQuery(request.query(), ""));
            response.put("done", true);
            response.set("resource", Resources.object(written, request.baseUrl()));
        }
        Exchanges.sendJson(request.exchange(), 200, response);
    }

    private Rewrite begin(GcsRequest request, ObjectNode body) {
        StoredObject source = store.get(request.segment(1), request.segment(3),
                Preconditions.longParam(request.query(), "sourceGeneration"),
                Preconditions.fromQuery(request.query(), "ifSource"));
        String bucket = request.segment(6);
        String name = request.segment(8);
        store.bucket(bucket);
        return new Rewrite(source, bucket, name, Resources.attributes(body, source.attributes()), 0);
    }

    private Rewrite resume(GcsRequest request, String token) {
        Rewrite rewrite = rewrites.get(token);
        if (rewrite == null) {
            throw GcsError.BAD_REQUEST.exception("Unknown rewriteToken " + token);
        }
        boolean sameObjects = rewrite.source().bucket().equals(request.segment(1))
                && rewrite.source().name().equals(request.segment(3))
                && rewrite.bucket().equals(request.segment(6)) && rewrite.name().equals(request.segment(8));
        if (!sameObjects) {
            throw GcsError.BAD_REQUEST.exception("rewriteToken " + token + " belongs to another rewrite");
        }
        return rewrite;
    }
}
