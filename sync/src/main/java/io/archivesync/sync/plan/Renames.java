package io.archivesync.sync.plan;

import io.archivesync.sync.ActionKind;
import io.archivesync.sync.Decision;
import io.archivesync.sync.Evidence;
import io.archivesync.sync.PathState;
import io.archivesync.sync.Side;
import io.archivesync.sync.SyncEndpoint;
import io.archivesync.sync.SyncPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs a deletion with a new path on the same side that holds the deleted path's content (proved by checksums, the
 * new local file hashed only when its size matches a deleted one): a rename, propagated as a copy within the other
 * side plus a delete (server-side; a file copy for local files), instead of an upload and a delete. Works on the
 * plan's changes only, so its memory grows with them, not with the tree. Empty files are not paired: copying them
 * costs nothing.
 */
final class Renames {

    private Renames() {
    }

    static List<Decision> pair(List<Decision> decisions, SyncPair pair, ContentProbe probe) {
        List<Decision> out = new ArrayList<>(decisions);
        pairOn(out, pair, probe, Side.A);
        pairOn(out, pair, probe, Side.B);
        return out;
    }

    /** Renames made on {@code side}, to be moved on the other. */
    private static void pairOn(List<Decision> decisions, SyncPair pair, ContentProbe probe, Side side) {
        ActionKind delete = side == Side.A ? ActionKind.DELETE_B : ActionKind.DELETE_A;
        ActionKind copy = side == Side.A ? ActionKind.COPY_A_TO_B : ActionKind.COPY_B_TO_A;
        Map<Long, List<Decision>> deletedBySize = new HashMap<>();
        for (Decision d : decisions) {
            if (d.action() == delete && !d.conflict() && d.base() != null && d.base().side(side).size() > 0) {
                deletedBySize.computeIfAbsent(d.base().side(side).size(), k -> new ArrayList<>()).add(d);
            }
        }
        if (deletedBySize.isEmpty()) {
            return;
        }
        SyncEndpoint here = pair.side(side);
        Set<Decision> used = new LinkedHashSet<>();
        List<Decision> moves = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            if (d.action() != copy || d.base() != null || d.side(side.other()) != null) {
                continue;
            }
            List<Decision> candidates = deletedBySize.get(d.side(side).size());
            if (candidates == null) {
                continue;
            }
            PathState added = probe.hash(here.store(), here.ref(d.path()), d.side(side));
            for (Decision gone : candidates) {
                if (!used.contains(gone) && Evidence.same(added.content(), gone.base().content())) {
                    used.add(gone);
                    moves.add(new Decision(d.path(), side == Side.A ? ActionKind.MOVE_ON_B : ActionKind.MOVE_ON_A,
                            "renamed on " + side + " from " + gone.path() + " (same content)",
                            side == Side.A ? added : null, side == Side.A ? null : added, null, side,
                            new Decision.Move(gone.path(), gone.side(side.other()), gone.base()), false));
                    decisions.set(i, null);
                    break;
                }
            }
        }
        decisions.removeIf(d -> d == null || used.contains(d));
        decisions.addAll(moves);
    }
}
