package io.archivesync.producer.plan;

/**
 * One object the enumerator will request.
 *
 * @param key  the source key
 * @param size its size in bytes; null when the key was generated rather than listed
 * @param etag its ETag without quotes; null when generated
 */
public record PlannedObject(String key, Long size, String etag) {

    /** A key built from the layout: whether it exists is found out by the copier (NOT_FOUND otherwise). */
    public static PlannedObject generated(String key) {
        return new PlannedObject(key, null, null);
    }
}
