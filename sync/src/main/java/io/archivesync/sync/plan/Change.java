package io.archivesync.sync.plan;

import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.Evidence;
import io.archivesync.sync.PathState;
import io.archivesync.sync.Side;

/**
 * How one side of a path compares with the base. Versions decide, never timestamps: an unchanged version is unchanged
 * whatever the clocks say, and a changed one is checked against the base's content before it counts as modified.
 */
public enum Change {
    /** Not there, and not in the base. */
    ABSENT,
    /** There, and not in the base. */
    NEW,
    /** The base's version. */
    UNCHANGED,
    /** Another version, proved the base's content (touched, or rewritten with the same bytes). */
    TOUCHED,
    /** Another version, not proved the base's content. */
    MODIFIED,
    /** In the base, not there any more. */
    DELETED;

    public static Change of(PathState current, BaseRecord base, Side side) {
        if (base == null) {
            return current == null ? ABSENT : NEW;
        }
        if (current == null) {
            return DELETED;
        }
        if (current.version() != null && current.version().equals(base.side(side).version())) {
            return UNCHANGED;
        }
        return current.size() == base.side(side).size() && Evidence.same(current.content(), base.content())
                ? TOUCHED : MODIFIED;
    }

    /** New or modified: content that the other side does not have. */
    public boolean changed() {
        return this == NEW || this == MODIFIED;
    }

    /** Unchanged or touched: the base's content. */
    public boolean quiet() {
        return this == UNCHANGED || this == TOUCHED;
    }

    public boolean gone() {
        return this == ABSENT || this == DELETED;
    }
}
