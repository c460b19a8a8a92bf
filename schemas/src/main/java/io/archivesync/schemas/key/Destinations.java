package io.archivesync.schemas.key;

import io.archivesync.avro.Destination;

/** The one reading of where a {@link Destination} is, and the one way a location becomes one. */
public final class Destinations {

    private Destinations() {
    }

    /** The destination as a location: its uri, or {@code s3://bucket/key} for requests that name none. */
    public static String location(Destination destination) {
        String uri = destination.getUri();
        return uri == null || uri.isBlank() ? "s3://" + destination.getBucket() + "/" + destination.getKey() : uri;
    }

    /**
     * The destination of a location of any provider: its uri, and the bucket (or container) and key that readers of
     * bucket and key alone see: {@code s3://b/k} and {@code gs://b/k} give b and k, {@code az://account/c/k} gives c
     * and k, {@code file:///p} an empty bucket and p, {@code REMOTE:b/k} b and k.
     *
     * @param storageClass the storage class or access tier for this object, or null for the copier's
     */
    public static Destination of(String location, String storageClass) {
        String bucket;
        String key;
        int scheme = location.indexOf("://");
        if (location.startsWith("file://")) {
            bucket = "";
            key = location.substring("file://".length()).replaceFirst("^/+", "");
        } else {
            String path = scheme > 0 ? location.substring(scheme + 3) : location.substring(location.indexOf(':') + 1);
            if (location.startsWith("az://")) {
                // az://account/container/key: the container is the bucket
                path = path.contains("/") ? path.substring(path.indexOf('/') + 1) : "";
            }
            int slash = path.indexOf('/');
            bucket = slash < 0 ? path : path.substring(0, slash);
            key = slash < 0 ? "" : path.substring(slash + 1);
        }
        return Destination.newBuilder().setBucket(bucket).setKey(key).setUri(location).setStorageClass(storageClass)
                .build();
    }
}
