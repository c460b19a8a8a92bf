package io.archivesync.producer;

/** One object found in the archive: its key, size and ETag (unquoted). */
public record ListedObject(String key, long size, String etag) {
}
