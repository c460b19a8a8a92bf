package io.archivesync.sync;

/** What a plan does with one path. */
public enum ActionKind {
    /** Unchanged on both sides. */
    NOTHING(false),
    /** Both sides hold the same content (changed the same way, or only touched): the base is updated, no data moves. */
    RECORD(false),
    /** Gone from both sides: the base record is removed (a tombstone). */
    FORGET(false),
    /** A's content is written to B, conditional on what B was when planned. */
    COPY_A_TO_B(true),
    /** B's content is written to A, conditional on what A was when planned. */
    COPY_B_TO_A(true),
    /** Deleted on B, conditional on B's planned version. */
    DELETE_A(true),
    /** Deleted on A, conditional on A's planned version. */
    DELETE_B(true),
    /** A rename on B propagated to A as a copy within A plus a delete (a rename for files), not a transfer. */
    MOVE_ON_A(true),
    /** A rename on A propagated to B as a server-side copy plus a delete, not a re-upload. */
    MOVE_ON_B(true),
    /** {@code version_preserve}: the winner at the path on both sides, the loser kept under a conflict name. */
    KEEP_BOTH(true),
    /** {@code manual}: nothing done; the conflict is parked until resolved. */
    PARK(false);

    private final boolean writes;

    ActionKind(boolean writes) {
        this.writes = writes;
    }

    /** Whether carrying it out writes or deletes objects. */
    public boolean writes() {
        return writes;
    }

    public boolean isDelete() {
        return this == DELETE_A || this == DELETE_B;
    }
}
