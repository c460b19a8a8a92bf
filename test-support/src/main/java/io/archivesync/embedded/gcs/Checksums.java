package io.archivesync.embedded.gcs;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * The two hashes GCS keeps per object, encoded as its JSON API does: base64 of the MD5 digest, and base64 of the
 * CRC32C as four big-endian bytes.
 *
 * @param md5Hash base64 MD5
 * @param crc32c  base64 big-endian CRC32C
 */
record Checksums(String md5Hash, String crc32c) {

    static Checksums of(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        byte[] crcBytes = ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array();
        return new Checksums(base64(md5(content)), base64(crcBytes));
    }

    /** The value of the {@code x-goog-hash} header of a media response. */
    String header() {
        return "crc32c=" + crc32c + ",md5=" + md5Hash;
    }

    private static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
