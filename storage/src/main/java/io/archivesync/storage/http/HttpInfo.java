package io.archivesync.storage.http;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Checksums;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What response headers say about an object. Its version is the ETag, unquoted ({@code W/} kept on a weak one), or,
 * without one, the Last-Modified date as sent; a version is checked by {@code If-Match} (strong ETags), by
 * {@code If-Unmodified-Since} (dates), and in every case against the response's own version, since many static
 * servers ignore conditional headers.
 */
final class HttpInfo {

    private HttpInfo() {
    }

    /** The object's information from a HEAD or GET response. */
    static BlobInfo of(BlobRef ref, int status, HttpHeaders headers) {
        return new BlobInfo(ref, size(status, headers), version(headers), Checksums.NONE,
                headers.firstValue("Content-Type").orElse(null), Map.of(),
                headers.firstValue("Last-Modified").map(HttpInfo::date).orElse(null), null);
    }

    /** The whole object's size: the total of a 206's Content-Range, else the Content-Length; -1 when not said. */
    static long size(int status, HttpHeaders headers) {
        if (status == 206) {
            String range = headers.firstValue("Content-Range").orElse("");
            int slash = range.lastIndexOf('/');
            return slash < 0 ? -1 : number(range.substring(slash + 1));
        }
        OptionalLong length = headers.firstValueAsLong("Content-Length");
        return length.isPresent() ? length.getAsLong() : -1;
    }

    /** The first byte of a 206's Content-Range ({@code bytes 100-149/4096}), or -1. */
    static long rangeStart(HttpHeaders headers) {
        String range = headers.firstValue("Content-Range").orElse("");
        int dash = range.indexOf('-');
        return range.startsWith("bytes ") && dash > 0 ? number(range.substring(6, dash)) : -1;
    }

    static String version(HttpHeaders headers) {
        return headers.firstValue("ETag").map(HttpInfo::unquote)
                .orElseGet(() -> headers.firstValue("Last-Modified").orElse(null));
    }

    /** The request headers that ask the server to check a version, where it can. */
    static Map<String, String> conditions(String version) {
        if (version == null || version.startsWith("W/")) {
            return Map.of(); // a weak ETag never matches If-Match: checked against the response only
        }
        return date(version) != null ? Map.of("If-Unmodified-Since", version)
                : Map.of("If-Match", "\"" + version + "\"");
    }

    private static String unquote(String etag) {
        String value = etag.strip();
        boolean weak = value.startsWith("W/");
        String tag = weak ? value.substring(2) : value;
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return weak ? "W/" + tag : tag;
    }

    private static Instant date(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
