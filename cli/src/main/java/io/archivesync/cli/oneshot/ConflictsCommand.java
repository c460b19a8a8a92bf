package io.archivesync.cli.oneshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archivesync.sync.state.ConflictRecord;
import io.archivesync.sync.state.RunRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code archive-sync conflicts}: the last sync of each pair and the conflicts it left open. */
@Command(name = "conflicts", mixinStandardHelpOptions = true,
        description = {"The last sync of each pair (when, what it did) and its open conflicts, each with what both "
                + "sides were when it was parked. Settle one with 'archive-sync resolve PATH --keep a|b|both'."})
public final class ConflictsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SyncOptionsMixin options;

    @Override
    public Integer call() {
        List<RunRecord> runs;
        List<ConflictRecord> conflicts;
        try (SyncSession session = SyncSession.open(options, List.of())) {
            runs = session.state().runs();
            conflicts = session.state().conflicts(null);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
            ObjectNode root = mapper.createObjectNode();
            root.set("pairs", mapper.valueToTree(runs));
            root.set("conflicts", mapper.valueToTree(conflicts));
            out.println(root);
        } else {
            if (runs.isEmpty()) {
                out.println("no pair has been synced with this state yet");
            }
            for (RunRecord run : runs) {
                out.printf(Locale.ROOT, "pair %s: %s <-> %s, last sync %s (%s): %s; conflicts open %d, changed "
                        + "during the run %d, failed %d%s%n", run.pairId(), run.aLocation(), run.bLocation(),
                        run.finishedAt(), run.strategy(), run.actions(), run.conflictsOpen(), run.changedSincePlan(),
                        run.failed(), run.message() == null ? "" : "; stopped: " + run.message());
            }
            for (ConflictRecord c : conflicts) {
                out.printf(Locale.ROOT, "%s  %s  (pair %s, since %s)%s%n", c.path(), c.reason(), c.pairId(),
                        c.openedAt(), c.resolution() == null ? ""
                                : " resolved: keep " + c.resolution().name().toLowerCase(java.util.Locale.ROOT)
                                        + ", applied by the next sync");
            }
        }
        out.flush();
        return conflicts.stream().anyMatch(c -> c.resolution() == null) ? 2 : 0;
    }
}
