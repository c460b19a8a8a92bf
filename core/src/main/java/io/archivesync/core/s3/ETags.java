package io.archivesync.core.s3;

import java.util.regex.Pattern;

/**
 * ETags as archive-sync compares them: without quotes, and compared only where they can be. An ETag is the MD5 of
 * the content only for a single-part upload without SSE-KMS; a multipart object's is {@code md5-of-md5s-N}, and a
 * copy of one object can get another ETag than its source (copied in one piece, or under another encryption). Two
 * equal ETags say "same object lineage"; two different ones prove nothing by themselves, so the copier never fails or
 * removes a copy because of an ETag, and records the source's ETag on copies whose own ETag will differ.
 */
public final class ETags {

    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    private ETags() {
    }

    /** The ETag without surrounding quotes and white space; null stays null. */
    public static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.strip();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /** The ETag in quotes, as conditional headers want it; null stays null. */
    public static String quote(String etag) {
        return etag == null ? null : "\"" + unquote(etag) + "\"";
    }

    /** Whether an ETag has the form of a plain content MD5 (a single-part upload's). */
    public static boolean looksLikeMd5(String etag) {
        return etag != null && MD5.matcher(unquote(etag)).matches();
    }
}
