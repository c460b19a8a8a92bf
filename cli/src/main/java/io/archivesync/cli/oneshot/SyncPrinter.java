package io.archivesync.cli.oneshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archivesync.sync.ActionKind;
import io.archivesync.sync.Decision;
import io.archivesync.sync.plan.SyncPlan;
import io.archivesync.sync.run.SyncReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** What {@code sync} prints: the plan line by line for a dry run, then the summary, as text or one JSON object. */
final class SyncPrinter {

    private static final int FAILURES_SHOWN = 20;

    private final PrintWriter out;
    private final String where;

    SyncPrinter(PrintWriter out, String where) {
        this.out = out;
        this.where = where;
    }

    void text(SyncReport report, boolean dryRun) {
        SyncPlan plan = report.plan();
        if (dryRun) {
            for (Decision d : plan.decisions()) {
                out.printf(Locale.ROOT, "%-12s %s%s  (%s)%n", label(d.action()), d.path(),
                        d.move() != null ? " <- " + d.move().from() : "", d.reason());
            }
        }
        out.printf(Locale.ROOT, "sync %s <-> %s (pair %s, %s)%n", plan.pair().a().location(),
                plan.pair().b().location(), plan.pair().id(), where);
        out.printf(Locale.ROOT, "listed: %,d on A, %,d on B, %,d in the base; %,d listing requests; %,d files "
                + "hashed%n", plan.listedA(), plan.listedB(), plan.basePaths(), plan.listRequests(), plan.hashedFiles());
        Map<ActionKind, Long> counts = dryRun || !report.executed() ? plan.counts() : report.done();
        out.printf(Locale.ROOT, "%s: %s%n", dryRun ? "plan (nothing changed)" : report.executed() ? "done"
                : "refused", counts(counts));
        if (plan.refusal() != null) {
            out.println("refused: " + plan.refusal());
        }
        if (report.executed()) {
            out.printf(Locale.ROOT, "conflicts open: %,d; changed during the run: %,d; failed: %,d; %s streamed, "
                    + "%,d server-side copies; %.1f s%n", report.parked(), report.changed(),
                    report.failures().size() - report.changed(), Bytes.human(report.copiedBytes()),
                    report.serverSide(), report.millis() / 1000.0);
            report.failures().stream().limit(FAILURES_SHOWN).forEach(f -> out.printf(Locale.ROOT,
                    "  %s %s: %s%n", label(f.action()), f.path(), f.message()));
            if (report.parked() > 0) {
                out.println("see them with 'archive-sync conflicts', settle each with 'archive-sync resolve PATH "
                        + "--keep a|b|both', then sync again");
            }
        }
    }

    /** One run of a watch, on one line (then its refusal and failures, if any, indented). */
    void line(int number, String why, SyncReport report) {
        SyncPlan plan = report.plan();
        out.printf(Locale.ROOT, "%s run %d (%s): %s%s; conflicts open %,d, changed during the run %,d, failed %,d; "
                + "%,d listing requests, %s streamed; %.1f s%n", SyncWatch.now(), number, why,
                report.executed() ? "" : "refused, planned ", counts(report.executed() ? report.done()
                        : plan.counts()), report.parked(), report.changed(),
                report.failures().size() - report.changed(), plan.listRequests(), Bytes.human(report.copiedBytes()),
                report.millis() / 1000.0);
        if (plan.refusal() != null) {
            out.println("  refused: " + plan.refusal());
        }
        report.failures().stream().limit(FAILURES_SHOWN).forEach(f -> out.printf(Locale.ROOT, "  %s %s: %s%n",
                label(f.action()), f.path(), f.message()));
        out.flush();
    }

    void json(SyncReport report, boolean dryRun) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        SyncPlan plan = report.plan();
        root.put("pair", plan.pair().id());
        root.put("a", plan.pair().a().location());
        root.put("b", plan.pair().b().location());
        root.put("where", where);
        root.put("dryRun", dryRun);
        root.put("listedA", plan.listedA());
        root.put("listedB", plan.listedB());
        root.put("basePaths", plan.basePaths());
        root.put("listRequests", plan.listRequests());
        ObjectNode counts = root.putObject(report.executed() ? "done" : "plan");
        (report.executed() ? report.done() : plan.counts()).forEach((k, v) -> counts.put(k.name().toLowerCase(), v));
        root.put("conflictsOpen", report.parked());
        root.put("changedDuringRun", report.changed());
        root.put("failed", report.failures().size() - report.changed());
        root.put("bytesStreamed", report.copiedBytes());
        root.put("serverSideCopies", report.serverSide());
        root.put("millis", report.millis());
        if (plan.refusal() != null) {
            root.put("refused", plan.refusal());
        }
        if (dryRun) {
            var actions = root.putArray("actions");
            plan.decisions().forEach(d -> actions.addObject().put("path", d.path())
                    .put("action", d.action().name().toLowerCase()).put("why", d.reason()));
        }
        out.println(root.toString());
        out.flush();
    }

    private static String counts(Map<ActionKind, Long> counts) {
        if (counts.isEmpty()) {
            return "nothing";
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s",
                v, label(k))));
        return s.toString();
    }

    private static String label(ActionKind action) {
        return switch (action) {
            case NOTHING -> "unchanged";
            case RECORD -> "recorded";
            case FORGET -> "forgotten";
            case COPY_A_TO_B -> "copy A->B";
            case COPY_B_TO_A -> "copy B->A";
            case DELETE_A -> "delete on A";
            case DELETE_B -> "delete on B";
            case MOVE_ON_A -> "move on A";
            case MOVE_ON_B -> "move on B";
            case KEEP_BOTH -> "keep both";
            case PARK -> "conflict";
        };
    }
}
