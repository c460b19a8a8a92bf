package io.archivesync.cli.demo;

import java.io.PrintStream;

/** A progress bar: redrawn in place on a terminal, a line every two seconds otherwise. */
final class Progress {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final int run;
    private final long total;
    private final boolean terminal = System.console() != null;
    private long lastDrawn;

    Progress(PrintStream out, int run, long total) {
        this.out = out;
        this.run = run;
        this.total = total;
    }

    void show(long results, long dropped) {
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? 250_000_000L : 2_000_000_000L)) {
            return;
        }
        lastDrawn = now;
        draw(results, dropped, false);
    }

    void finish(long results, long dropped) {
        draw(results, dropped, true);
    }

    private void draw(long results, long dropped, boolean last) {
        long done = Math.min(total, results + dropped);
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        out.printf("%srun %d: [%s%s] %d/%d  results %d  duplicates dropped %d%s", terminal ? "\r" : "", run,
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, results, dropped,
                last || !terminal ? System.lineSeparator() : "");
        out.flush();
    }
}
