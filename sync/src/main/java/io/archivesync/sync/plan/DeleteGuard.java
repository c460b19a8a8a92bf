package io.archivesync.sync.plan;

import io.archivesync.sync.ActionKind;
import io.archivesync.sync.Decision;
import java.util.List;
import java.util.Optional;

/**
 * Holds deletions to {@code --max-delete} on each side, and refuses any deletion on a side whose listing came back
 * empty while the base remembers paths there (an unmounted disk, a wrong prefix, a network blip answered with
 * nothing). {@code --force} lets both through.
 */
final class DeleteGuard {

    private DeleteGuard() {
    }

    /** Why the plan must not run, or empty when its deletions are within bounds. */
    static Optional<String> check(List<Decision> decisions, long basePaths, long listedA, long listedB,
                                  MaxDelete max, boolean force) {
        if (force) {
            return Optional.empty();
        }
        long onA = decisions.stream().filter(d -> d.action() == ActionKind.DELETE_A).count();
        long onB = decisions.stream().filter(d -> d.action() == ActionKind.DELETE_B).count();
        if (basePaths > 0 && (listedA == 0 && onB > 0 || listedB == 0 && onA > 0)) {
            return Optional.of("side " + (listedA == 0 ? "A" : "B") + " listed no objects while " + basePaths
                    + " paths were synced before: " + Math.max(onA, onB) + " deletions refused (is it mounted, is "
                    + "the prefix right?); nothing was changed. --force deletes them");
        }
        long limit = max.limit(basePaths);
        if (onA > limit || onB > limit) {
            return Optional.of("the plan deletes " + onA + " paths on A and " + onB + " on B, over --max-delete "
                    + max + " (" + limit + " of " + basePaths + " synced paths); nothing was changed. Check with "
                    + "--dry-run, then raise --max-delete or pass --force");
        }
        return Optional.empty();
    }
}
