package io.archivesync.cli;

import java.io.PrintStream;

/**
 * The enumerator's progress on long runs, on stderr so that stdout stays the command's result: a bar redrawn in
 * place on a terminal, a line every five seconds otherwise (logs, CI). With an unknown total (the {@code list}
 * strategy cannot know it before listing) it shows the count and the rate.
 */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDrawn;

    /** @param total the expected count, or a negative number when unknown */
    ProgressBar(PrintStream out, long total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? 200_000_000L : 5_000_000_000L)) {
            return;
        }
        lastDrawn = now;
        draw(done, false);
    }

    void finish(long done) {
        draw(done, true);
    }

    String render(long done) {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        String rate = String.format(java.util.Locale.ROOT, "%,.0f/s", done / seconds);
        if (total < 0) {
            return String.format(java.util.Locale.ROOT, "requests %,d  %s", done, rate);
        }
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * done / total);
        return String.format(java.util.Locale.ROOT, "[%s%s] %,d/%,d  %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, rate);
    }

    private void draw(long done, boolean last) {
        out.print((terminal ? "\r" : "") + render(done) + (last || !terminal ? System.lineSeparator() : ""));
        out.flush();
    }
}
