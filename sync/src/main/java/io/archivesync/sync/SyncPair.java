package io.archivesync.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The two locations kept in sync. Its id is a stable hash of both roots' URLs (in order), so the same pair run again,
 * from any machine, finds its base records; the order matters since A and B name the sides in every record.
 */
public record SyncPair(SyncEndpoint a, SyncEndpoint b) {

    /** Sixteen hex digits of the SHA-256 of the two roots' URLs. */
    public String id() {
        return id(a.root().url(), b.root().url());
    }

    public static String id(String aUrl, String bUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((aUrl + "\n" + bUrl).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    public SyncEndpoint side(Side side) {
        return side == Side.A ? a : b;
    }
}
