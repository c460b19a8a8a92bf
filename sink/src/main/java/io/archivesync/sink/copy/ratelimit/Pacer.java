package io.archivesync.sink.copy.ratelimit;

/**
 * A token bucket kept as one timestamp (the generic cell rate algorithm): {@code due} is when the permits reserved so
 * far are paid for. Reserving n permits moves it n intervals on and says how long the caller must wait before using
 * them, so no caller ever blocks inside the pacer and callers are served in the order they reserved. A reservation
 * may start up to {@code burstNanos} before {@code due}, so a caller that comes back a little late (it was busy
 * reading) does not lose its share; over any window the permits granted are at most rate × (window + burst) + one
 * reservation.
 */
public final class Pacer {

    private final double nanosPerPermit;
    private final long burstNanos;
    private boolean started;
    private long due;

    /**
     * @param permitsPerSecond the sustained rate, greater than 0
     * @param burstNanos       how far ahead of the paced schedule a reservation may start (0: never)
     */
    public Pacer(double permitsPerSecond, long burstNanos) {
        if (!(permitsPerSecond > 0) || burstNanos < 0) {
            throw new IllegalArgumentException("rate must be positive and burst not negative, were "
                    + permitsPerSecond + " and " + burstNanos);
        }
        this.nanosPerPermit = 1e9 / permitsPerSecond;
        this.burstNanos = burstNanos;
    }

    /** Reserves permits now; returns the nanoseconds to wait before using them (0: at once). */
    public long reserve(long permits) {
        return reserve(permits, System.nanoTime());
    }

    synchronized long reserve(long permits, long now) {
        if (!started || due - now < 0) {
            due = now;
            started = true;
        }
        long start = due - burstNanos - now > 0 ? due - burstNanos : now;
        due += (long) (permits * nanosPerPermit);
        return start - now;
    }
}
