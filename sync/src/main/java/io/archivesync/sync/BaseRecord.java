package io.archivesync.sync;

import io.archivesync.storage.Checksums;
import java.time.Instant;
import java.util.Objects;

/**
 * What a path was on both sides when it was last in sync: the common ancestor of the three-way decision. Both sides
 * held the same content then; a side whose version is still the recorded one has not changed since.
 *
 * @param path     the path relative to both roots
 * @param a        side A at the last sync
 * @param b        side B at the last sync
 * @param content  the content's checksums (as computed when it was copied or hashed)
 * @param syncedAt when this record was written
 */
public record BaseRecord(String path, PathState a, PathState b, Checksums content, Instant syncedAt) {

    public BaseRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        content = content == null ? Checksums.NONE : content;
    }

    public PathState side(Side side) {
        return side == Side.A ? a : b;
    }

    /** A record of both sides, content being all that either side's evidence says. */
    public static BaseRecord of(String path, PathState a, PathState b, Checksums content, Instant now) {
        Checksums all = Evidence.merge(Evidence.merge(content, a.content()), b.content());
        return new BaseRecord(path, a, b, all, now);
    }
}
