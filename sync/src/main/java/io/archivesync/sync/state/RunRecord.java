package io.archivesync.sync.state;

import java.time.Instant;
import java.util.Map;

/**
 * The last run of a pair, as {@code archive-sync conflicts} shows it.
 *
 * @param pairId          the pair
 * @param aLocation       side A
 * @param bLocation       side B
 * @param strategy        the conflict strategy of the run
 * @param startedAt       when it started
 * @param finishedAt      when it ended
 * @param actions         paths per action done (copies, deletes, moves, records ...)
 * @param conflictsOpen   conflicts left open (parked)
 * @param changedSincePlan paths that changed between the plan and their write, left for the next run
 * @param failed          paths that failed
 * @param message         why the run stopped early (listing failed, deletions over the limit), or null
 */
public record RunRecord(String pairId, String aLocation, String bLocation, String strategy, Instant startedAt,
                        Instant finishedAt, Map<String, Long> actions, long conflictsOpen, long changedSincePlan,
                        long failed, String message) {

    public RunRecord {
        actions = actions == null ? Map.of() : Map.copyOf(actions);
    }
}
