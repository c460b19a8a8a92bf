package io.archivesync.processor.dedup;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.RequestAttributes;
import java.util.Map;
import io.archivesync.schemas.key.RecordKey;

/**
 * What makes two requests "the same": the destination object plus the version of the source, so that a request made
 * after the source changed (new ETag or size) is not mistaken for a repeat. A propagated delete has no source version;
 * its version is the S3 event's sequencer ({@link RequestAttributes#SOURCE_SEQUENCER}), so a redelivered delete is a
 * repeat and a later delete of the same key is not.
 */
public final class DedupKey {

    private DedupKey() {
    }

    /** The destination plus the source version, when known. */
    public static String of(FileSyncRequest r) {
        String version;
        Map<String, String> attributes = r.getAttributes();
        if (attributes != null && RequestAttributes.ACTION_DELETE.equals(attributes.get(RequestAttributes.ACTION))) {
            String sequencer = attributes.get(RequestAttributes.SOURCE_SEQUENCER);
            version = sequencer == null ? "delete" : "delete:" + sequencer;
        } else if (r.getExpectedEtag() != null) {
            version = "etag:" + r.getExpectedEtag();
        } else if (r.getExpectedSha256() != null) {
            version = "sha256:" + r.getExpectedSha256();
        } else if (r.getExpectedSize() != null) {
            version = "size:" + r.getExpectedSize();
        } else {
            version = "unversioned";
        }
        return RecordKey.of(r) + "#" + version + "#" + r.getSource().getUri();
    }
}
