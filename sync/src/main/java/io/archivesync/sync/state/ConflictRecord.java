package io.archivesync.sync.state;

import io.archivesync.sync.Keep;
import io.archivesync.sync.PathState;
import java.time.Instant;

/**
 * A conflict parked by {@code manual}: what each side was when it was found, and a person's decision once given. The
 * decision is applied by the pair's next sync only while both sides are still what they were here; a side changed
 * since makes a new conflict of it, so a decision is never applied to content nobody saw.
 *
 * @param pairId     the pair
 * @param aLocation  side A's location, for people
 * @param bLocation  side B's location
 * @param path       the path
 * @param a          side A when found, or null when deleted there
 * @param b          side B when found, or null
 * @param reason     what conflicts
 * @param openedAt   when it was first parked
 * @param resolution the decision, or null while open
 */
public record ConflictRecord(String pairId, String aLocation, String bLocation, String path, PathState a, PathState b,
                             String reason, Instant openedAt, Keep resolution) {

    public ConflictRecord resolved(Keep keep) {
        return new ConflictRecord(pairId, aLocation, bLocation, path, a, b, reason, openedAt, keep);
    }

    /** Whether both sides are still what they were when it was parked. */
    public boolean sameSides(PathState nowA, PathState nowB) {
        return sameVersion(a, nowA) && sameVersion(b, nowB);
    }

    private static boolean sameVersion(PathState then, PathState now) {
        return then == null ? now == null : now != null && then.version() != null
                && then.version().equals(now.version());
    }
}
