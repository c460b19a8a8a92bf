package io.archivesync.processor.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The repeats dedup dropped for one destination within one window of the horizon: a dropped request gets no result of
 * its own, so this is how its publisher learns what happened to it (the status endpoint shows it).
 *
 * @param count         repeats dropped in the window
 * @param lastRequestId the id of the latest one
 * @param lastDroppedAt when it was dropped (wall clock, epoch millis)
 * @param repeatOf      the id of the request it repeated, whose result answers for it
 */
public record DroppedRepeats(long count, String lastRequestId, long lastDroppedAt, String repeatOf) {

    /** This one plus a repeat dropped just now. */
    public DroppedRepeats plus(String requestId, long droppedAt, String original) {
        return new DroppedRepeats(count + 1, requestId, droppedAt, original);
    }

    /** Two windows' entries as one: counts summed, the latest drop kept. */
    public DroppedRepeats merge(DroppedRepeats other) {
        DroppedRepeats latest = other.lastDroppedAt >= lastDroppedAt ? other : this;
        return new DroppedRepeats(count + other.count, latest.lastRequestId, latest.lastDroppedAt, latest.repeatOf);
    }

    public static Serde<DroppedRepeats> serde() {
        return Serdes.serdeFrom((topic, r) -> r == null ? null : encode(r),
                (topic, bytes) -> bytes == null ? null : decode(bytes));
    }

    static byte[] encode(DroppedRepeats r) {
        byte[] last = text(r.lastRequestId);
        byte[] of = text(r.repeatOf);
        return ByteBuffer.allocate(2 * Long.BYTES + 2 * Integer.BYTES + last.length + of.length)
                .putLong(r.count).putLong(r.lastDroppedAt)
                .putInt(last.length).put(last)
                .putInt(of.length).put(of)
                .array();
    }

    static DroppedRepeats decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long count = buffer.getLong();
        long at = buffer.getLong();
        String last = read(buffer);
        String of = read(buffer);
        return new DroppedRepeats(count, last, at, of);
    }

    private static byte[] text(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
