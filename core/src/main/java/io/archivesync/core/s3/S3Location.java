package io.archivesync.core.s3;

import java.net.URI;
import java.net.URISyntaxException;

/** A bucket and key, read from and written as {@code s3://bucket/key}. */
public record S3Location(String bucket, String key) {

    public S3Location {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket is empty");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not an {@code s3://bucket/key} URI
     */
    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + uri + "' is not an s3://bucket/key URI");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("'" + uri + "' has no bucket or no key");
        }
        return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    public static boolean isS3(String uri) {
        return uri != null && uri.startsWith("s3://");
    }

    /** Whether the URI is an HTTP(S) URL that the streaming copier can read. */
    public static boolean isHttp(String uri) {
        try {
            String scheme = new URI(uri).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri();
    }
}
