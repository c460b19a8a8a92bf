package io.archivesync.sync.watch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What ends the wait between two runs of a watch: a change on a local side (once it has been quiet for a while, so
 * that a burst of writes makes one run, not one per file), the interval (cloud sides have no watcher: they are listed
 * again), or a request to stop. Changes are remembered from the start of a run, so that one made while a run is
 * listing or acting is never missed: it makes the next run (the run's own writes to a local side do too, which costs
 * one more run that only lists).
 */
public final class Wakeup {

    /** Why a wait ended (or, for the first run, {@link #START}). */
    public enum Reason {
        /** The watch's first run. */
        START,
        /** A local side changed, then stayed quiet. */
        CHANGE,
        /** The interval passed: every side is listed again. */
        INTERVAL,
        /** Stop was requested (a signal, or the caller). */
        STOP
    }

    private boolean stop;
    private boolean changed;
    private long lastChangeNanos;

    /** A local side changed (called by the watchers, from their threads). */
    public synchronized void changed() {
        changed = true;
        lastChangeNanos = System.nanoTime();
        notifyAll();
    }

    /** Ends the watch after the current run; a wait in progress returns {@link Reason#STOP} at once. */
    public synchronized void stop() {
        stop = true;
        notifyAll();
    }

    public synchronized boolean stopRequested() {
        return stop;
    }

    /** A run is about to list both sides: what changed until now, it sees. */
    public synchronized void runStarting() {
        changed = false;
    }

    /**
     * Waits until a stop is requested, a change has been followed by {@code quiet} without another, or
     * {@code interval} has passed, whichever comes first.
     */
    public synchronized Reason await(Duration interval, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + interval.toNanos();
        while (true) {
            if (stop) {
                return Reason.STOP;
            }
            long now = System.nanoTime();
            long quietUntil = lastChangeNanos + quiet.toNanos();
            if (changed && now - quietUntil >= 0) {
                return Reason.CHANGE;
            }
            if (now - deadline >= 0) {
                return Reason.INTERVAL;
            }
            long until = changed && quietUntil - deadline < 0 ? quietUntil : deadline;
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now) + 1);
            wait(millis);
        }
    }
}
