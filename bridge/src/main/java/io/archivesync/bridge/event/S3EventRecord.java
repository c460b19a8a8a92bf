package io.archivesync.bridge.event;

/**
 * One record of an S3 event notification, its key already URL-decoded.
 *
 * @param eventName ObjectCreated:Put, ObjectCreated:CompleteMultipartUpload, ObjectRemoved:Delete, ... (any
 *                  {@code s3:} prefix removed)
 * @param awsRegion the bucket's region; null when the message does not say
 * @param bucket    the bucket
 * @param key       the object key, decoded ({@code +} is a space, {@code %XX} UTF-8 bytes)
 * @param size      the object's size; null for removals
 * @param etag      the object's ETag without quotes; null for removals
 * @param versionId the version, on versioned buckets
 * @param sequencer orders events of one key (hex, compare after left-padding)
 */
public record S3EventRecord(String eventName, String awsRegion, String bucket, String key, Long size, String etag,
                            String versionId, String sequencer) {

    public boolean isCreated() {
        return eventName.startsWith("ObjectCreated:");
    }

    public boolean isRemoved() {
        return eventName.startsWith("ObjectRemoved:");
    }
}
