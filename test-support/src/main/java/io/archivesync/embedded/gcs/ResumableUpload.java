package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resumable upload session: the bytes persisted so far and, once finished, the object it wrote.
 *
 * <p>The chunks are kept as they came (the arrays the requests were read into, trimmed only where a chunk overlaps),
 * and joined once, into the array the object keeps, when the total is reached; then they are let go. So an upload
 * holds one copy of its bytes, and two only while the last chunk is joined.
 *
 * <p>Chunks may overlap what is already persisted (a client resending after a lost answer); the overlap is skipped.
 * A chunk that starts past the persisted end is refused, since the bytes between would be missing.
 */
final class ResumableUpload {

    /** {@code bytes a-b/T}, {@code bytes a-b/*}, {@code bytes * /T} or {@code bytes * /*} (without the spaces). */
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

    /** What a chunk asks for: where its bytes go and, if the client knows it, the object's total size. */
    record Chunk(long first, long last, Long total) {

        static Chunk parse(String header, int bodyLength) {
            if (header == null) {
                return new Chunk(0, bodyLength - 1L, (long) bodyLength);
            }
            Matcher matcher = CONTENT_RANGE.matcher(header.trim());
            if (!matcher.matches()) {
                throw GcsError.BAD_REQUEST.exception("Unsupported Content-Range: " + header);
            }
            Long total = "*".equals(matcher.group(3)) ? null : Long.valueOf(matcher.group(3));
            if (matcher.group(1) == null) {
                if (bodyLength != 0) {
                    throw GcsError.BAD_REQUEST.exception("Content-Range " + header + " with a body");
                }
                return new Chunk(-1, -1, total);
            }
            long first = Long.parseLong(matcher.group(1));
            long last = Long.parseLong(matcher.group(2));
            if (last - first + 1 != bodyLength) {
                throw GcsError.BAD_REQUEST.exception("Content-Range " + header + " but " + bodyLength + " bytes");
            }
            return new Chunk(first, last, total);
        }

        boolean hasBytes() {
            return first >= 0;
        }
    }

    private final String id;
    private final String bucket;
    private final ObjectNode metadata;
    private final Map<String, String> query;
    private final List<byte[]> chunks = new ArrayList<>();
    private long persisted;
    private StoredObject result;

    /**
     * @param metadata the object resource sent when the session was opened
     * @param query    the opening request's query: the name, if not in the metadata, and the preconditions
     */
    ResumableUpload(String id, String bucket, ObjectNode metadata, Map<String, String> query) {
        this.id = id;
        this.bucket = bucket;
        this.metadata = metadata;
        this.query = Map.copyOf(query);
    }

    String id() {
        return id;
    }

    String bucket() {
        return bucket;
    }

    /**
     * Appends a chunk and, when the total is reached, writes the object.
     *
     * @return the object once the upload is complete, otherwise null (the caller answers 308)
     */
    synchronized StoredObject accept(Chunk chunk, byte[] body, GcsStore store) {
        if (result != null) {
            return result;
        }
        if (chunk.hasBytes()) {
            if (chunk.first() > persisted) {
                throw GcsError.BAD_REQUEST.exception("Upload " + id + " has " + persisted + " bytes, the chunk starts "
                        + "at " + chunk.first());
            }
            long skip = persisted - chunk.first();
            if (skip < body.length) {
                chunks.add(skip == 0 ? body : Arrays.copyOfRange(body, (int) skip, body.length));
                persisted += body.length - skip;
            }
        }
        if (chunk.total() == null) {
            return null;
        }
        if (persisted > chunk.total()) {
            throw GcsError.BAD_REQUEST.exception("Upload " + id + " has " + persisted
                    + " bytes, more than the total " + chunk.total());
        }
        if (persisted < chunk.total()) {
            return null;
        }
        result = UploadHandler.write(store, bucket, query, metadata, joined());
        chunks.clear();
        return result;
    }

    /** The bytes persisted so far: the {@code Range} of a 308 answer is {@code bytes=0-(this - 1)}. */
    synchronized long persistedSize() {
        return persisted;
    }

    /** The chunks as one array, the only copy the object will keep. */
    private byte[] joined() {
        if (chunks.size() == 1 && chunks.get(0).length == persisted) {
            return chunks.get(0);
        }
        byte[] all = new byte[Math.toIntExact(persisted)];
        int at = 0;
        for (byte[] piece : chunks) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return all;
    }
}
