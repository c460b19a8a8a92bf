package io.archivesync.embedded.gcs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an object a media GET asks for with its {@code Range} header, clipped to the object.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * The range of {@code header} within an object of {@code size} bytes, or null for the whole object (no header,
     * or an empty object, which GCS serves whole whatever the range).
     */
    static ByteRange parse(String header, long size) {
        if (header == null || size == 0) {
            return null;
        }
        Matcher matcher = RANGE.matcher(header.trim());
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            throw GcsError.BAD_REQUEST.exception("Unsupported Range header: " + header);
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            return new ByteRange(Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        if (first >= size) {
            throw GcsError.RANGE_NOT_SATISFIABLE.exception("Range " + header + " starts past the end (" + size
                    + " bytes)");
        }
        if (last < first) {
            throw GcsError.BAD_REQUEST.exception("Range " + header + " ends before it starts");
        }
        return new ByteRange(first, last);
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} header of a 206 answer. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
