package io.archivesync.sink.copy;

import java.io.InputStream;
import java.util.Map;

/**
 * An open source object being read: its bytes as a stream (read as they arrive, never kept whole) and what is known
 * about it before reading.
 *
 * @param body        the bytes; the reader closes it
 * @param length      the size, when the source said it; null otherwise
 * @param contentType the source's content type, or null
 * @param metadata    the source's user metadata (empty for HTTP sources)
 * @param etag        the source's ETag without quotes, or null
 */
record SourceStream(InputStream body, Long length, String contentType, Map<String, String> metadata, String etag) {
}
