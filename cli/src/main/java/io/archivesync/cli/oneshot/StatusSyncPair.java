package io.archivesync.cli.oneshot;

import io.archivesync.sync.state.RunRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last sync of a pair, as {@code archive-sync status} shows it (from the {@code sync-runs} topic); the conflicts
 * themselves, each with both sides' states, are {@code archive-sync conflicts}'s.
 *
 * @param pair             the pair id
 * @param a                side A
 * @param b                side B
 * @param lastSync         when its last run ended (ISO-8601)
 * @param strategy         that run's conflict strategy
 * @param actions          paths per action that run did ({@code nothing} counts the unchanged ones)
 * @param conflictsOpen    conflicts that run left open
 * @param changedDuringRun paths that changed between its plan and their write, left for the next run
 * @param failed           paths that failed
 * @param stopped          why it stopped early (a refusal), or null
 */
record StatusSyncPair(String pair, String a, String b, String lastSync, String strategy, Map<String, Long> actions,
                      long conflictsOpen, long changedDuringRun, long failed, String stopped) {

    static StatusSyncPair of(RunRecord run) {
        return new StatusSyncPair(run.pairId(), run.aLocation(), run.bLocation(), String.valueOf(run.finishedAt()),
                run.strategy(), run.actions(), run.conflictsOpen(), run.changedSincePlan(), run.failed(),
                run.message());
    }

    /** The section {@code status} prints after the copies, when any pair was synced with this state. */
    static void print(PrintWriter out, List<StatusSyncPair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        out.println("sync pairs (last run of each):");
        for (StatusSyncPair p : pairs) {
            out.printf(Locale.ROOT, "  %s  %s <-> %s  last sync %s (%s): %s; conflicts open %,d, changed during "
                    + "the run %,d, failed %,d%s%n", p.pair(), p.a(), p.b(), p.lastSync(), p.strategy(),
                    actions(p.actions()), p.conflictsOpen(), p.changedDuringRun(), p.failed(),
                    p.stopped() == null ? "" : "; stopped: " + p.stopped());
        }
        if (pairs.stream().anyMatch(p -> p.conflictsOpen() > 0)) {
            out.println("`archive-sync conflicts` lists the open conflicts; `archive-sync resolve PATH --keep a|b|both`"
                    + " settles one");
        }
    }

    private static String actions(Map<String, Long> actions) {
        if (actions.isEmpty()) {
            return "nothing done";
        }
        StringBuilder text = new StringBuilder();
        actions.forEach((name, n) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(n));
        return text.toString();
    }
}
