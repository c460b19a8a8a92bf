package io.archivesync.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one object is, or a prefix of objects, written as a URL:
 * <ul>
 *   <li>{@code s3://bucket/key}</li>
 *   <li>{@code gs://bucket/key}</li>
 *   <li>{@code az://account/container/key} (container = {@code account/container})</li>
 *   <li>{@code file:///absolute/path} (container = empty, key = the absolute path without its leading slash)</li>
 *   <li>{@code https://host/path} and {@code http://...} (container = {@code host[:port]}, key = path and query)</li>
 * </ul>
 *
 * @param scheme    {@code s3}, {@code gs}, {@code az}, {@code file}, {@code https} or {@code http}
 * @param container the bucket (S3, GCS), {@code account/container} (Azure), the host (HTTP), empty (files)
 * @param key       the object's key within it; empty for the container itself or a prefix at its root
 */
public record BlobRef(String scheme, String container, String key) {

    public BlobRef {
        scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        container = Objects.requireNonNull(container, "container");
        key = Objects.requireNonNull(key, "key");
    }

    /**
     * Reads a location URL.
     *
     * @throws IllegalArgumentException naming what is wrong, for a URL of no known scheme or without its parts
     */
    public static BlobRef parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a location is empty");
        }
        int colon = url.indexOf("://");
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + url + "' is not a location URL (s3://, gs://, az://, file://, "
                    + "https://)");
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 3);
        switch (scheme) {
            case "s3", "gs" -> {
                int slash = rest.indexOf('/');
                String bucket = slash < 0 ? rest : rest.substring(0, slash);
                if (bucket.isEmpty()) {
                    throw new IllegalArgumentException("'" + url + "' has no bucket");
                }
                return new BlobRef(scheme, bucket, slash < 0 ? "" : rest.substring(slash + 1));
            }
            case "az" -> {
                String[] parts = rest.split("/", 3);
                if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw new IllegalArgumentException("'" + url + "' must be az://account/container[/key]");
                }
                return new BlobRef(scheme, parts[0] + "/" + parts[1], parts.length == 3 ? parts[2] : "");
            }
            case "file" -> {
                if (!rest.startsWith("/")) {
                    throw new IllegalArgumentException("'" + url + "' must be file:///absolute/path");
                }
                return new BlobRef(scheme, "", rest.substring(1));
            }
            case "http", "https" -> {
                try {
                    URI uri = new URI(url);
                    if (uri.getHost() == null) {
                        throw new IllegalArgumentException("'" + url + "' has no host");
                    }
                    String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
                    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                    String key = (path.startsWith("/") ? path.substring(1) : path)
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    return new BlobRef(scheme, host, key);
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("'" + url + "' has an unknown scheme '" + scheme
                    + "' (known: s3, gs, az, file, https, http)");
        }
    }

    /** The same container, another key. */
    public BlobRef withKey(String other) {
        return new BlobRef(scheme, container, other);
    }

    /** The location as a URL, the form {@link #parse} reads. */
    public String url() {
        return switch (scheme) {
            case "file" -> "file:///" + key;
            default -> scheme + "://" + container + (key.isEmpty() ? "" : "/" + key);
        };
    }

    @Override
    public String toString() {
        return url();
    }
}
