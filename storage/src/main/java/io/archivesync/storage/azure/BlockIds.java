package io.archivesync.storage.azure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Block ids of one write: {@code base64(writeId + "-" + part number in five digits)}. Azure requires every block id of
 * a blob to be base64 of the same length (64 bytes at most before encoding); the write id in front lets a copier that
 * died find its own staged blocks again among the blob's uncommitted ones (Get Block List, uncommitted), and keeps two
 * writers' blocks apart.
 */
final class BlockIds {

    private BlockIds() {
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
