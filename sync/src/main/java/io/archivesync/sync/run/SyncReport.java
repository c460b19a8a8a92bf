package io.archivesync.sync.run;

import io.archivesync.sync.ActionKind;
import io.archivesync.sync.plan.SyncPlan;
import java.util.List;
import java.util.Map;

/**
 * What a run did.
 *
 * @param plan          the plan it carried out (or only printed)
 * @param executed      whether it acted (false for a dry run and a refused plan)
 * @param done          paths done, per action
 * @param parked        conflicts parked (open)
 * @param changed       paths that changed after the plan, left for the next run
 * @param failures      paths that failed, with why
 * @param copiedBytes   bytes streamed through this process
 * @param serverSide    copies made server-side
 * @param millis        how long the run took
 */
public record SyncReport(SyncPlan plan, boolean executed, Map<ActionKind, Long> done, long parked, long changed,
                         List<Failure> failures, long copiedBytes, long serverSide, long millis) {

    public SyncReport {
        done = Map.copyOf(done);
        failures = List.copyOf(failures);
    }

    /** A path that failed, or changed after the plan. */
    public record Failure(String path, ActionKind action, String message) {
    }

    /** 0: all in sync, no conflict open; 1: failures or paths left for the next run; 2: conflicts open; 3: refused. */
    public int exitCode() {
        if (plan.refusal() != null) {
            return 3;
        }
        if (!failures.isEmpty() || changed > 0) {
            return 1;
        }
        return parked > 0 ? 2 : 0;
    }
}
