package io.archivesync.sink.copy;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import io.archivesync.core.config.SinkSettings;

/**
 * What metadata a copy writes: the user metadata the copier adds on objects whose own ETag cannot show the source's
 * version, and whether the source's content type and user metadata are kept or replaced.
 */
final class ObjectMetadata {

    /**
     * The source's ETag, written by multipart copies and uploads: their destination ETag is composite ("...-3"), so
     * the incremental check compares this instead.
     */
    static final String SOURCE_ETAG = "archive-sync-source-etag";

    private ObjectMetadata() {
    }

    /** The request's own replacement when it carries one, else the copier's {@code sink.metadata} setting. */
    static SinkSettings.Metadata chosen(SinkSettings.Metadata configured, FileSyncRequest request) {
        MetadataReplacement asked = request.getMetadata();
        return asked == null ? configured
                : new SinkSettings.Metadata(true, asked.getContentType(), asked.getUserMetadata());
    }
}
