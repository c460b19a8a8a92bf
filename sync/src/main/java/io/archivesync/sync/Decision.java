package io.archivesync.sync;

import java.util.Objects;

/**
 * One path's line of a plan: what to do and why, and what each side was when it was decided, which every write and
 * delete is then made conditional on.
 *
 * @param path     the path (for a move, the new one)
 * @param action   what to do
 * @param reason   why, for a person (printed by {@code --dry-run})
 * @param a        side A as listed, or null when absent
 * @param b        side B as listed, or null when absent
 * @param base     the base record, or null when there is none
 * @param winner   the side whose content is kept at the path (copies, deletes, keep-both), or null
 * @param move     for a move: the old path and what it was on the side it is moved on; else null
 * @param conflict whether the path was in conflict (settled by a strategy, or parked)
 */
public record Decision(String path, ActionKind action, String reason, PathState a, PathState b, BaseRecord base,
                       Side winner, Move move, boolean conflict) {

    public Decision {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A move's other half.
     *
     * @param from      the old path
     * @param fromState the old path on the side it is moved on, as listed (the delete is conditional on it)
     * @param fromBase  the old path's base record (removed once moved)
     */
    public record Move(String from, PathState fromState, BaseRecord fromBase) {
    }

    public PathState side(Side side) {
        return side == Side.A ? a : b;
    }
}
