package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * {@code objects.insert} in one request ({@code uploadType=media} or {@code multipart}), and the first request of a
 * resumable upload, which {@link ResumableUploadHandler} takes over.
 */
final class UploadHandler {

    private final GcsStore store;

    UploadHandler(GcsStore store) {
        this.store = store;
    }

    void upload(GcsRequest request, ResumableUploadHandler resumable) throws IOException {
        String uploadType = request.query().getOrDefault("uploadType", "");
        switch (uploadType) {
            case "media" -> {
                byte[] content = Exchanges.body(request.exchange());
                ObjectNode metadata = Exchanges.JSON.createObjectNode();
                metadata.put("contentType", request.exchange().getRequestHeaders().getFirst("Content-Type"));
                insert(request, metadata, content);
            }
            case "multipart" -> {
                MultipartBody body = MultipartBody.parse(
                        request.exchange().getRequestHeaders().getFirst("Content-Type"),
                        Exchanges.body(request.exchange()));
                insert(request, Exchanges.parseJson(body.metadata()), body.content());
            }
            case "resumable" -> resumable.start(request, Exchanges.jsonBody(request.exchange()));
            default -> throw GcsError.NOT_IMPLEMENTED.exception("uploadType=" + uploadType);
        }
    }

    private void insert(GcsRequest request, ObjectNode metadata, byte[] content) throws IOException {
        StoredObject object = write(store, request.segment(1), request.query(), metadata, content);
        Exchanges.sendJson(request.exchange(), 200, Resources.object(object, request.baseUrl()));
    }

    /**
     * Stores an uploaded object: the name from the query or the metadata, the preconditions from the query, and the
     * client's own MD5/CRC32C, if it sent them, checked against the bytes (400 on a mismatch, as GCS does).
     * {@code content} is kept as it is: the caller lets go of it.
     */
    static StoredObject write(GcsStore store, String bucket, Map<String, String> query, ObjectNode metadata,
                              byte[] content) {
        String name = query.get("name");
        if (name == null) {
            name = Resources.text(metadata, "name");
        }
        Checksums actual = Checksums.of(content);
        String md5 = Resources.text(metadata, "md5Hash");
        String crc32c = Resources.text(metadata, "crc32c");
        if (md5 != null && !md5.equals(actual.md5Hash()) || crc32c != null && !crc32c.equals(actual.crc32c())) {
            throw GcsError.BAD_REQUEST.exception("The checksums sent (md5=" + md5 + ", crc32c=" + crc32c
                    + ") do not match the content (" + actual.header() + ")");
        }
        return store.put(bucket, name, content, actual, Resources.attributes(metadata, Resources.defaults()),
                Preconditions.fromQuery(query, ""));
    }
}
