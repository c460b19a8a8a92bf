package io.archivesync.sink.copy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 helpers: S3 speaks base64, Binance's sidecars and our results speak lower-case hex. */
final class Hex {

    private Hex() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Hex of an S3 base64 checksum, or null when the storage gave none or a composite one ("...-3"). */
    static String base64ToHex(String base64) {
        if (base64 == null || base64.isBlank() || base64.contains("-")) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            return bytes.length == 32 ? hex(bytes) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String hexToBase64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    static boolean isSha256Hex(String s) {
        return s != null && s.matches("[0-9a-fA-F]{64}");
    }
}
