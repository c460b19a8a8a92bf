package io.archivesync.cli.oneshot;

import io.archivesync.sync.SyncPair;
import io.archivesync.sync.plan.ListingFailed;
import io.archivesync.sync.plan.SyncOptions;
import io.archivesync.sync.run.SyncReport;
import io.archivesync.sync.run.SyncRun;
import io.archivesync.sync.state.SyncState;
import io.archivesync.sync.watch.TreeWatcher;
import io.archivesync.sync.watch.WatchLoop;
import io.archivesync.sync.watch.Wakeup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code sync --watch}: the local sides watched ({@link TreeWatcher}), then run after run ({@link WatchLoop}), one
 * summary line each, until {@link Wakeup#stop} (a signal: {@link SyncWatchSignals}). A run that fails is reported
 * and the watch goes on; a refused one ends it.
 *
 * @param pair     the pair
 * @param state    its state, open for the whole watch
 * @param options  the options of every run
 * @param locals   the local sides' directories, watched
 * @param interval how often every side is listed again when nothing wakes a run before
 */
record SyncWatch(SyncPair pair, SyncState state, SyncOptions options, List<Path> locals, Duration interval) {

    /** @return the exit code of the last run */
    int run(Wakeup wakeup, SyncPrinter printer, PrintWriter out, PrintWriter err, boolean json) {
        List<TreeWatcher> watchers = new ArrayList<>();
        try {
            for (Path local : locals) {
                try {
                    watchers.add(TreeWatcher.start(local, wakeup));
                } catch (IOException | RuntimeException e) {
                    err.printf(Locale.ROOT, "cannot watch %s (%s): it is listed every %s instead%n", local, e,
                            text(interval));
                }
            }
            if (!json) {
                out.printf(Locale.ROOT, "watching %s <-> %s (pair %s): %s; every side listed again every %s. "
                        + "Ctrl-C (or SIGTERM) stops after the current run%n", pair.a().location(),
                        pair.b().location(), pair.id(), watchers.isEmpty() ? "no local side"
                                : "changes in " + locals + " wake a run", text(interval));
                out.flush();
            }
            int code = new WatchLoop(wakeup, interval, WatchLoop.QUIET).run((n, why) -> once(n, why, printer, err,
                    json));
            if (code == WatchLoop.REFUSED) {
                err.println("the watch stops: the run was refused (above). Check with --dry-run; --force lets the "
                        + "deletions through");
            }
            out.flush();
            err.flush();
            return code;
        } finally {
            watchers.forEach(TreeWatcher::close);
        }
    }

    private int once(int number, Wakeup.Reason why, SyncPrinter printer, PrintWriter err, boolean json) {
        try {
            SyncReport report = new SyncRun(pair, state, options).run(false);
            if (json) {
                printer.json(report, false);
            } else {
                printer.line(number, label(why), report);
            }
            return report.exitCode();
        } catch (ListingFailed e) {
            err.printf(Locale.ROOT, "%s run %d stopped: %s; the watch goes on%n", now(), number, e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.printf(Locale.ROOT, "%s run %d failed: %s; the watch goes on%n", now(), number, e);
            return 1;
        } finally {
            err.flush();
        }
    }

    /** {@code 30s}, {@code 1500ms}: as {@code --interval} is written. */
    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String label(Wakeup.Reason why) {
        return switch (why) {
            case START -> "first";
            case CHANGE -> "local change";
            case INTERVAL -> "interval";
            case STOP -> "stop";
        };
    }
}
