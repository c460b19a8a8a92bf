package io.archivesync.cli.oneshot;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A job's progress on stderr, so that stdout stays the summary: a bar redrawn in place on a terminal (objects,
 * bytes, rate, ETA, failures so far), a plain line every five seconds otherwise (logs, CI).
 */
final class JobProgress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long total;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long lastDrawn;

    JobProgress(PrintWriter out, boolean terminal, long total, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.totalBytes = totalBytes;
    }

    void update(JobTally tally) {
        long now = System.nanoTime();
        if (now - lastDrawn < (terminal ? 200_000_000L : 5_000_000_000L)) {
            return;
        }
        lastDrawn = now;
        draw(tally, false);
    }

    void finish(JobTally tally) {
        draw(tally, true);
    }

    String render(JobTally tally) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long done = tally.done();
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * done / total);
        double rate = done / seconds;
        String eta = done == 0 || done >= total ? "-" : String.format(Locale.ROOT, "%.0fs", (total - done) / rate);
        return String.format(Locale.ROOT, "[%s%s] %,d/%,d objects  %s/%s  %,.0f/s  ETA %s  failed %d",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, Bytes.human(tally.bytes()),
                Bytes.human(totalBytes), rate, eta, tally.notGood());
    }

    private void draw(JobTally tally, boolean last) {
        out.print((terminal ? "\r" : "") + render(tally) + (last || !terminal ? System.lineSeparator() : ""));
        out.flush();
    }

    /**
     * Follows a job's results until each object has its terminal one, showing progress on {@code err} and counting
     * what the processor dead-letters meanwhile: the same for a job and for a retry.
     */
    static void followToEnd(PrintWriter err, JobTracker tracker, ResultFollower results, DeadLetterFollower refused) {
        JobProgress progress = new JobProgress(err, System.console() != null, tracker.total(), tracker.totalBytes());
        results.follow(tracker::accept, tracker::done, () -> {
            refused.poll(tracker::deadLettered);
            progress.update(tracker.tally());
        });
        progress.finish(tracker.tally());
    }
}
