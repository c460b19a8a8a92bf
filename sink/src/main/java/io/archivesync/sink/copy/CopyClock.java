package io.archivesync.sink.copy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long one copy has really been working: its age minus the time it spent queued (for a permit of the adaptive
 * limit, or for a streaming reader thread). {@code sink.copyTimeout} is measured on this clock, so a copy is never
 * timed out before it started. When it expires, whatever the copy registered to be stopped (a streamed source) is
 * closed, so a timed-out copy does not go on running.
 */
public final class CopyClock {

    private final long createdNanos = System.nanoTime();
    private long waitedNanos;
    private long waitingSince;
    private int waiting;
    private boolean expired;
    private final List<Runnable> onExpiry = new ArrayList<>();

    /** The copy starts waiting in a queue; pair with {@link #waitEnd()}. */
    public synchronized void waitBegin() {
        if (waiting++ == 0) {
            waitingSince = System.nanoTime();
        }
    }

    /** The copy leaves a queue. */
    public synchronized void waitEnd() {
        if (waiting > 0 && --waiting == 0) {
            waitedNanos += System.nanoTime() - waitingSince;
        }
    }

    /** The time the copy has spent working, not queued. */
    public synchronized Duration active() {
        long now = System.nanoTime();
        long queued = waitedNanos + (waiting > 0 ? now - waitingSince : 0);
        return Duration.ofNanos(now - createdNanos - queued);
    }

    /** Runs {@code stop} when the clock expires (at once if it already has). */
    public void onExpiry(Runnable stop) {
        synchronized (this) {
            if (!expired) {
                onExpiry.add(stop);
                return;
            }
        }
        stop.run();
    }

    /** Expires the clock: every registered stop runs, once. */
    public void expire() {
        List<Runnable> stops;
        synchronized (this) {
            if (expired) {
                return;
            }
            expired = true;
            stops = List.copyOf(onExpiry);
            onExpiry.clear();
        }
        stops.forEach(Runnable::run);
    }

    public synchronized boolean expired() {
        return expired;
    }
}
