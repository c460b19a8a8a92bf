package io.archivesync.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an object holds, read back in full: its size and SHA-256. A benchmark compares it with the source's so that
 * its figures are of correct copies.
 */
record Landed(long size, String sha256) {

    /** Reads {@code content} to its end (and closes it), counting and hashing. */
    static Landed read(InputStream content) throws IOException {
        MessageDigest sha256 = newSha256();
        long size = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = new DigestInputStream(content, sha256)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
            }
        }
        return new Landed(size, HexFormat.of().formatHex(sha256.digest()));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
