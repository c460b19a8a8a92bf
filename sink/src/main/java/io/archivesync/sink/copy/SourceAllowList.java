package io.archivesync.sink.copy;

import io.archivesync.core.s3.S3Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The sources requests may copy from, {@code sink.allowedSources}: URI prefixes such as
 * {@code https://data.binance.vision/} or {@code s3://bucket/prefix/}; empty allows any. Entries are compared by
 * parts, not as strings, so {@code https://data.binance.vision} does not let in {@code https://data.binance.vision.evil/}
 * or {@code https://data.binance.vision@evil/}, and a path is normalised first, so {@code /data/../admin} is not under
 * {@code /data/}.
 */
final class SourceAllowList {

    static final String SETTING = "sink.allowedSources";

    private final List<String> entries;

    SourceAllowList(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    boolean allowsAny() {
        return entries.isEmpty();
    }

    boolean allows(String uri) {
        if (entries.isEmpty()) {
            return true;
        }
        return entries.stream().anyMatch(entry -> covers(entry, uri));
    }

    @Override
    public String toString() {
        return SETTING + " " + entries;
    }

    private static boolean covers(String entry, String uri) {
        if (S3Location.isS3(entry) || S3Location.isS3(uri)) {
            return S3Location.isS3(entry) && S3Location.isS3(uri) && coversS3(entry, S3Location.parse(uri));
        }
        try {
            URI prefix = new URI(entry);
            URI candidate = new URI(uri);
            return scheme(prefix).equals(scheme(candidate))
                    && prefix.getHost() != null && prefix.getHost().equalsIgnoreCase(candidate.getHost())
                    && port(prefix) == port(candidate)
                    && candidate.getRawUserInfo() == null
                    && path(candidate).startsWith(path(prefix));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean coversS3(String entry, S3Location source) {
        String rest = entry.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return bucket.equals(source.bucket()) && source.key().startsWith(prefix);
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(scheme(uri)) ? 443 : 80;
    }

    /** The decoded path with dot segments removed; a path that climbs above the root matches nothing. */
    private static String path(URI uri) throws URISyntaxException {
        String decoded = uri.getPath() == null ? "" : uri.getPath();
        String normalised = new URI(null, null, decoded.isEmpty() ? "/" : decoded, null).normalize().getPath();
        if (normalised.startsWith("/..") || normalised.startsWith("..")) {
            throw new URISyntaxException(uri.toString(), "path climbs above the root");
        }
        return normalised;
    }
}
