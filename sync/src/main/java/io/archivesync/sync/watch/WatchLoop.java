package io.archivesync.sync.watch;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pair again and again until stopped: a run, then a wait ({@link Wakeup#await}), then the next run. A run
 * that fails (a listing, the state) is reported by the pass and the watch goes on, so a passing network failure
 * never locks a pair out; a run refused for safety (deletions over {@code --max-delete}, a side listed empty) ends
 * the watch with its exit code, since running it again would be refused again and nobody would see why.
 */
public final class WatchLoop {

    /** How long a local side must stay quiet after a change before the run it wakes. */
    public static final Duration QUIET = Duration.ofMillis(500);

    /** The exit code of a refused run, which ends the watch. */
    public static final int REFUSED = 3;

    private static final Logger LOGGER = LoggerFactory.getLogger(WatchLoop.class);

    /** One run of the pair, reported by the caller. */
    @FunctionalInterface
    public interface Pass {
        /** @return the run's exit code (0 in sync, 1 failures, 2 conflicts open, 3 refused) */
        int run(int number, Wakeup.Reason why);
    }

    private final Wakeup wakeup;
    private final Duration interval;
    private final Duration quiet;

    public WatchLoop(Wakeup wakeup, Duration interval, Duration quiet) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be more than 0, not " + interval);
        }
        this.wakeup = wakeup;
        this.interval = interval;
        this.quiet = quiet;
    }

    /** @return the exit code of the last run: the watch's own */
    public int run(Pass pass) {
        Wakeup.Reason why = Wakeup.Reason.START;
        int code = 0;
        for (int number = 1; ; number++) {
            wakeup.runStarting();
            try {
                code = pass.run(number, why);
            } catch (RuntimeException e) {
                LOGGER.warn("sync run failed, the watch goes on run={} reason={}", number, e.toString(), e);
                code = 1;
            }
            if (code == REFUSED) {
                return code;
            }
            try {
                why = wakeup.await(interval, quiet);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return code;
            }
            if (why == Wakeup.Reason.STOP) {
                return code;
            }
        }
    }
}
