package io.archivesync.sync.plan;

import io.archivesync.sync.ActionKind;
import io.archivesync.sync.Decision;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.state.ConflictRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A pair's plan: every path that needs something (unchanged paths are only counted, so a plan's memory grows with
 * the changes, not the tree), and why the plan must not run, if it must not.
 *
 * @param pair          the pair
 * @param decisions     what to do with each path that needs something, in path order (moves after)
 * @param unchanged     paths unchanged on both sides
 * @param listedA       objects listed on A (after the filter)
 * @param listedB       objects listed on B
 * @param basePaths     paths in the base (after the filter)
 * @param listRequests  listing pages fetched on both sides
 * @param hashedFiles   local files hashed to decide
 * @param hashedBytes   their bytes
 * @param refusal       why the plan must not run (deletions over the limit), or null
 * @param conflicts     the pair's conflict records as loaded, by path
 */
public record SyncPlan(SyncPair pair, List<Decision> decisions, long unchanged, long listedA, long listedB,
                       long basePaths, long listRequests, long hashedFiles, long hashedBytes, String refusal,
                       Map<String, ConflictRecord> conflicts) {

    public SyncPlan {
        decisions = List.copyOf(decisions);
        conflicts = Map.copyOf(conflicts);
    }

    /** Paths per action, unchanged ones included. */
    public Map<ActionKind, Long> counts() {
        Map<ActionKind, Long> counts = new EnumMap<>(ActionKind.class);
        if (unchanged > 0) {
            counts.put(ActionKind.NOTHING, unchanged);
        }
        decisions.forEach(d -> counts.merge(d.action(), 1L, Long::sum));
        return counts;
    }
}
