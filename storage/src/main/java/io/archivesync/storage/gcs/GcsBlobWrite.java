package io.archivesync.storage.gcs;

import com.google.api.services.storage.model.StorageObject;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobWrite;
import java.util.Locale;

/**
 * An object being written through a {@link ResumableSession}: each part goes out at once in whole 256 KiB granules,
 * the few bytes past the last granule wait for the next part or for {@link #complete}, which names the total and so
 * makes the object. Memory: one part plus less than 256 KiB.
 *
 * <p>{@link #committedBytes} is what the session has persisted: a multiple of 256 KiB, which need not end where a part
 * does. A resumed write goes on from there; it keeps no digest of its own, since GCS computes the MD5 and CRC32C of
 * the whole object and the caller compares them with its own.
 */
final class GcsBlobWrite implements BlobWrite {

    /** How many PUTs one chunk may take when GCS persists less than it was sent each time. */
    private static final int MAX_PUTS_PER_CHUNK = 8;

    private enum State { OPEN, COMPLETE, ABORTED }

    private final ResumableSession session;
    private final byte[] carry = new byte[ResumableSession.GRANULE];
    private int carried;
    private long sent;
    private State state = State.OPEN;

    GcsBlobWrite(ResumableSession session) {
        this(session, 0);
    }

    /** A write that goes on with a session that has persisted its first {@code persisted} bytes. */
    GcsBlobWrite(ResumableSession session, long persisted) {
        this.session = session;
        this.sent = persisted;
    }

    @Override
    public String id() {
        return session.url();
    }

    /** The session's requests: its start (or, resumed, the status query), every chunk PUT, the cancel. */
    @Override
    public int requests() {
        return session.requests();
    }

    @Override
    public long committedBytes() {
        return sent;
    }

    @Override
    public void part(byte[] buffer, int length) {
        requireOpen();
        int total = carried + length;
        int aligned = total - total % ResumableSession.GRANULE;
        if (aligned == 0) {
            System.arraycopy(buffer, 0, carry, carried, length);
            carried = total;
            return;
        }
        int fromBuffer = aligned - carried;
        if (carried == 0) {
            putAll(buffer, 0, aligned);
        } else {
            byte[] chunk = new byte[aligned];
            System.arraycopy(carry, 0, chunk, 0, carried);
            System.arraycopy(buffer, 0, chunk, carried, fromBuffer);
            putAll(chunk, 0, aligned);
        }
        carried = length - fromBuffer;
        System.arraycopy(buffer, fromBuffer, carry, 0, carried);
    }

    @Override
    public BlobInfo complete() {
        requireOpen();
        int offset = 0;
        for (int puts = 0; puts < MAX_PUTS_PER_CHUNK; puts++) {
            StorageObject written = session.finish(carry, offset, carried - offset, sent + offset);
            if (written != null) {
                state = State.COMPLETE;
                return GcsObjects.fromResource(written);
            }
            // GCS kept only part of the last bytes: send the rest, naming the total again.
            offset = Math.toIntExact(Math.min(carried, Math.max(0, status() - sent)));
        }
        throw session.lost(sent + offset, sent + carried);
    }

    @Override
    public void abort() {
        if (state == State.OPEN) {
            state = State.ABORTED;
            session.cancel();
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** Sends {@code [offset, offset + length)} of {@code data}, the next bytes of the object, until GCS holds them. */
    private void putAll(byte[] data, int offset, int length) {
        long end = sent + length;
        long persisted = sent;
        for (int puts = 0; puts < MAX_PUTS_PER_CHUNK && persisted < end; puts++) {
            int skip = Math.toIntExact(persisted - sent);
            persisted = session.put(data, offset + skip, length - skip, persisted);
            if (persisted < sent) {
                throw session.lost(persisted, sent);
            }
        }
        if (persisted < end) {
            throw session.lost(persisted, end);
        }
        sent = end;
    }

    /** How much GCS holds, asked after a final PUT it answered 308: sent an empty chunk of unknown total. */
    private long status() {
        return session.put(carry, 0, 0, sent);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the write " + id() + " is already " + state.name().toLowerCase(Locale.ROOT));
        }
    }
}
