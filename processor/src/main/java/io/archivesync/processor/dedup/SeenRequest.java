package io.archivesync.processor.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the dedup store remembers of a request: its time and its id. The id lets dedup find the request's own result
 * in the table of latest results, to tell a repeat of a request still in flight or ended good (dropped) from a repeat
 * of one that failed (copied).
 *
 * <p>Stored as the 8-byte big-endian time followed by the id in UTF-8: the time alone is what {@code Serdes.Long()}
 * wrote before the id was kept, so entries of an older version still read (with a null id, which dedup treats as
 * before: the repeat is dropped).
 *
 * @param at        the request's record timestamp
 * @param requestId its id; null for entries written before ids were kept
 */
public record SeenRequest(long at, String requestId) {

    private static final int TIME_BYTES = Long.BYTES;

    public static Serde<SeenRequest> serde() {
        return Serdes.serdeFrom((topic, seen) -> seen == null ? null : encode(seen),
                (topic, bytes) -> bytes == null ? null : decode(bytes));
    }

    static byte[] encode(SeenRequest seen) {
        byte[] id = seen.requestId == null ? new byte[0] : seen.requestId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(TIME_BYTES + id.length).putLong(seen.at).put(id).array();
    }

    static SeenRequest decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long at = buffer.getLong();
        String id = bytes.length == TIME_BYTES ? null
                : new String(bytes, TIME_BYTES, bytes.length - TIME_BYTES, StandardCharsets.UTF_8);
        return new SeenRequest(at, id);
    }
}
