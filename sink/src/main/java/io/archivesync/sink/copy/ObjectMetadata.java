package io.archivesync.sink.copy;

/** Names of the user metadata the copier writes on objects whose own ETag cannot show the source's version. */
final class ObjectMetadata {

    /**
     * The source's ETag, written by multipart copies and uploads: their destination ETag is composite ("...-3"), so
     * the incremental check compares this instead.
     */
    static final String SOURCE_ETAG = "archive-sync-source-etag";

    private ObjectMetadata() {
    }
}
