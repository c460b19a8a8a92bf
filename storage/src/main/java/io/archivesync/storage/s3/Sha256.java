package io.archivesync.storage.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 computed over the parts of a write as they pass. */
final class Sha256 {

    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    void update(byte[] buffer, int length) {
        digest.update(buffer, 0, length);
    }

    /** The digest in lower-case hex; the digest is reset. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
