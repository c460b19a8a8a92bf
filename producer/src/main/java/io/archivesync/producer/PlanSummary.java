package io.archivesync.producer;

import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.producer.plan.PlannedObject;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts a plan without producing it (what {@code --dry-run} prints): objects, sidecars and known bytes per market,
 * frequency, data type and interval. One counter per group, never one per object, so counting a plan of millions
 * of objects takes no memory.
 */
public final class PlanSummary implements Consumer<PlannedObject> {

    /** Counts of one group. */
    private static final class Tally {
        long files;
        long sidecars;
        long knownBytes;
        long unknownSizes;
    }

    private final Map<String, Tally> groups = new TreeMap<>();
    private long total;

    @Override
    public void accept(PlannedObject object) {
        total++;
        var coordinates = ArchiveLayout.parse(object.key());
        String group = coordinates.map(c -> c.getMarket() + " " + c.getFrequency() + " " + c.getDataType()
                + (c.getInterval() == null ? "" : " " + c.getInterval())).orElse("(outside the layout)");
        Tally tally = groups.computeIfAbsent(group, g -> new Tally());
        if (coordinates.isPresent() && coordinates.get().getSidecar()) {
            tally.sidecars++;
        } else {
            tally.files++;
        }
        if (object.size() == null) {
            tally.unknownSizes++;
        } else {
            tally.knownBytes += object.size();
        }
    }

    public long total() {
        return total;
    }

    /** Prints one line per group and a total line. */
    public void print(PrintStream out) {
        out.printf("%-44s %12s %12s %16s%n", "market frequency dataType [interval]", "files", "sidecars", "bytes");
        long files = 0;
        long sidecars = 0;
        long bytes = 0;
        boolean unknown = false;
        for (Map.Entry<String, Tally> e : groups.entrySet()) {
            Tally t = e.getValue();
            out.printf("%-44s %12d %12d %16s%n", e.getKey(), t.files, t.sidecars, bytes(t));
            files += t.files;
            sidecars += t.sidecars;
            bytes += t.knownBytes;
            unknown |= t.unknownSizes > 0;
        }
        out.printf("%-44s %12d %12d %16s%n", "total (" + total + " objects)", files, sidecars,
                unknown ? "unknown" : Long.toString(bytes));
    }

    private static String bytes(Tally t) {
        return t.unknownSizes > 0 ? "unknown" : Long.toString(t.knownBytes);
    }
}
