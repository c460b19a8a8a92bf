package io.archivesync.storage.transfer;

import io.archivesync.storage.Checksums;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The MD5, CRC32C and SHA-256 of content seen once, as it passes: every provider's own checksum (S3's SHA-256 and
 * MD5 ETag, GCS's MD5 and CRC32C, Azure's Content-MD5) can then be compared with what was sent, and the archive's
 * {@code .CHECKSUM} sidecars (SHA-256) checked, without reading anything twice.
 */
final class ContentHashes {

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha256 = digest("SHA-256");
    private final CRC32C crc32c = new CRC32C();

    void update(byte[] buffer, int offset, int length) {
        md5.update(buffer, offset, length);
        sha256.update(buffer, offset, length);
        crc32c.update(buffer, offset, length);
    }

    /** The checksums of everything seen; call once. */
    Checksums finish() {
        HexFormat hex = HexFormat.of();
        return new Checksums(hex.formatHex(md5.digest()), String.format("%08x", crc32c.getValue()),
                hex.formatHex(sha256.digest()));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }
}
