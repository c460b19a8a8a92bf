package io.archivesync.storage;

import java.util.Locale;

/**
 * The checksums of one object that a store keeps, each in lower-case hex, or null when the store has none of that kind:
 * S3 keeps SHA-256 (when written with one) and an MD5 ETag for single-part uploads; GCS keeps MD5 and CRC32C; Azure
 * keeps Content-MD5 (when given at upload).
 *
 * @param md5    MD5 of the content
 * @param crc32c CRC32C of the content (big-endian, 8 hex digits)
 * @param sha256 SHA-256 of the content
 */
public record Checksums(String md5, String crc32c, String sha256) {

    public static final Checksums NONE = new Checksums(null, null, null);

    public Checksums {
        md5 = lower(md5);
        crc32c = lower(crc32c);
        sha256 = lower(sha256);
    }

    /** Whether any checksum both sides have differs: proof of different content. */
    public boolean contradicts(Checksums other) {
        return differ(md5, other.md5) || differ(crc32c, other.crc32c) || differ(sha256, other.sha256);
    }

    /** Whether at least one checksum both sides have, and none differs: proof of the same content. */
    public boolean confirms(Checksums other) {
        boolean shared = (md5 != null && other.md5 != null) || (crc32c != null && other.crc32c != null)
                || (sha256 != null && other.sha256 != null);
        return shared && !contradicts(other);
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    private static String lower(String hex) {
        return hex == null || hex.isBlank() ? null : hex.strip().toLowerCase(Locale.ROOT);
    }
}
