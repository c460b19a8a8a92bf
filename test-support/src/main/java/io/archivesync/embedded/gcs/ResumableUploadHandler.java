package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resumable uploads: the POST that opens a session (answered with its URL in {@code Location}), then PUTs of chunks
 * with {@code Content-Range}, each answered 308 Resume Incomplete with the persisted {@code Range} until the last
 * one writes the object (200 with its resource). A PUT with {@code bytes * /*} asks for the status; DELETE cancels.
 *
 * <p>A session that wrote its object is forgotten, bytes and all, but for what GCS answers any later request about it
 * with: 200 and the object's resource as it was written (which the client of a lost answer needs). So the fixture
 * holds an upload's bytes only while it is open, and a finished one costs its resource, not its object.
 *
 * <p>Preconditions are taken from the opening request and checked when the object is written, as GCS does.
 */
final class ResumableUploadHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(ResumableUploadHandler.class);
    private static final int RESUME_INCOMPLETE = 308;

    private final GcsStore store;
    private final ConcurrentMap<String, ResumableUpload> uploads = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Finished> finished = new ConcurrentHashMap<>();

    /** What is kept of a session that wrote its object: the bucket it was for, and the object's resource. */
    private record Finished(String bucket, ObjectNode resource) {
    }

    ResumableUploadHandler(GcsStore store) {
        this.store = store;
    }

    void start(GcsRequest request, ObjectNode metadata) throws IOException {
        String bucket = request.segment(1);
        store.bucket(bucket);
        ResumableUpload upload = new ResumableUpload(UUID.randomUUID().toString(), bucket, metadata,
                request.query());
        uploads.put(upload.id(), upload);
        request.exchange().getResponseHeaders().set("Location", request.baseUrl() + "/upload/storage/v1/b/" + bucket
                + "/o?uploadType=resumable&upload_id=" + upload.id());
        Exchanges.sendEmpty(request.exchange(), 200);
    }

    void continueUpload(GcsRequest request) throws IOException {
        String id = request.query().get("upload_id");
        ResumableUpload upload = uploads.get(id);
        Finished done = upload == null ? finished.get(id) : null;
        if (done != null && done.bucket().equals(request.segment(1))) {
            answerFinished(request, id, done);
            return;
        }
        if (upload == null || !upload.bucket().equals(request.segment(1))) {
            Exchanges.drain(request.exchange());
            throw GcsError.NOT_FOUND.exception("No such upload: " + id);
        }
        switch (request.method()) {
            case "PUT", "POST" -> chunk(request, upload);
            case "DELETE" -> {
                uploads.remove(id);
                throw GcsError.UPLOAD_CANCELLED.exception("Upload " + id + " cancelled");
            }
            default -> throw GcsRouter.unsupported(request);
        }
    }

    private void chunk(GcsRequest request, ResumableUpload upload) throws IOException {
        byte[] body = Exchanges.body(request.exchange());
        ResumableUpload.Chunk chunk = ResumableUpload.Chunk.parse(
                request.exchange().getRequestHeaders().getFirst("Content-Range"), body.length);
        StoredObject written = upload.accept(chunk, body, store);
        LOGGER.debug("Resumable upload chunk upload={} first={} last={} total={} complete={}",
                upload.id(), chunk.first(), chunk.last(), chunk.total(), written != null);
        if (written != null) {
            ObjectNode resource = Resources.object(written, request.baseUrl());
            finished.put(upload.id(), new Finished(upload.bucket(), resource));
            uploads.remove(upload.id(), upload);
            Exchanges.sendJson(request.exchange(), 200, resource);
            return;
        }
        long persisted = upload.persistedSize();
        if (persisted > 0) {
            request.exchange().getResponseHeaders().set("Range", "bytes=0-" + (persisted - 1));
        }
        Exchanges.sendEmpty(request.exchange(), RESUME_INCOMPLETE);
    }

    /** A finished session answers a chunk or a status query with its object, and is cancelled no more. */
    private void answerFinished(GcsRequest request, String id, Finished done) throws IOException {
        Exchanges.drain(request.exchange());
        switch (request.method()) {
            case "PUT", "POST" -> Exchanges.sendJson(request.exchange(), 200, done.resource());
            case "DELETE" -> {
                finished.remove(id);
                throw GcsError.UPLOAD_CANCELLED.exception("Upload " + id + " cancelled");
            }
            default -> throw GcsRouter.unsupported(request);
        }
    }
}
