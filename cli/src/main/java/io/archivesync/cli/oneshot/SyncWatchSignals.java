package io.archivesync.cli.oneshot;

import io.archivesync.sync.watch.Wakeup;
import java.util.concurrent.CountDownLatch;

/**
 * Ends {@code sync --watch} cleanly on SIGINT or SIGTERM: a shutdown hook asks the watch to stop after its current
 * run, waits until the command has closed its state (the broker, the state directory's lock), and ends the JVM with
 * the last run's exit code, not the signal's (130 or 143): 0 when the pair was in sync. The hook halts, so hooks that
 * other code registered may be cut short; the command has closed everything of its own by then. A run interrupted
 * harder (kill -9) loses nothing either: every path's base is written as soon as its action is done.
 */
final class SyncWatchSignals {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile int exitCode = 1;

    private SyncWatchSignals(Wakeup wakeup) {
        this.hook = new Thread(() -> {
            wakeup.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode);
        }, "archive-sync-watch-stop");
    }

    static SyncWatchSignals install(Wakeup wakeup) {
        SyncWatchSignals signals = new SyncWatchSignals(wakeup);
        Runtime.getRuntime().addShutdownHook(signals.hook);
        return signals;
    }

    /** The watch has ended and closed its state: a signal's hook may end the JVM with {@code code}. */
    void finished(int code) {
        exitCode = code;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running, and ends the JVM with the code once released
        }
        finished.countDown();
    }
}
