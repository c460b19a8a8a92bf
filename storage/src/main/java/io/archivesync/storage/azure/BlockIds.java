package io.archivesync.storage.azure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Block ids of one write: {@code base64(writeId + "-" + part number in five digits)}. Azure requires every block id of
 * a blob to be base64 of the same length (64 bytes at most before encoding); the write id in front lets a copier that
 * died find its own staged blocks again among the blob's uncommitted ones (Get Block List, uncommitted), and keeps two
 * writers' blocks apart.
 */
final class BlockIds {

    private static final Pattern WRITE_ID = Pattern.compile("[0-9a-f]{32}");

    private BlockIds() {
    }

    /** Whether {@code id} has the form of a write id this store makes. */
    static boolean isWriteId(String id) {
        return id != null && WRITE_ID.matcher(id).matches();
    }

    /** A new write id: 32 hex digits. */
    static String newWriteId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * The id of part {@code number} (1 to 50,000) of write {@code writeId}.
     */
    static String blockId(String writeId, int number) {
        if (number < 1 || number > Limits.MAX_BLOCKS) {
            throw new IllegalArgumentException("a block blob has parts 1.." + Limits.MAX_BLOCKS + ", not " + number);
        }
        String raw = writeId + "-" + String.format("%05d", number);
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The part number of a block id of write {@code writeId}, or -1 when it is not one of that write's. */
    static int numberOf(String blockId, String writeId) {
        if (!writeId.equals(writeIdOf(blockId))) {
            return -1;
        }
        String raw = new String(Base64.getDecoder().decode(blockId), StandardCharsets.US_ASCII);
        try {
            return Integer.parseInt(raw.substring(writeId.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The write id a block id was made for, or null when it is not one of ours. */
    static String writeIdOf(String blockId) {
        try {
            String raw = new String(Base64.getDecoder().decode(blockId), StandardCharsets.US_ASCII);
            int dash = raw.lastIndexOf('-');
            return dash < 0 ? null : raw.substring(0, dash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
