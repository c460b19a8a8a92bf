package io.archivesync.sync.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local side's watcher and the wait between runs: changes deep in the tree wake a run, bursts make one. */
class TreeWatcherTest {

    private static final Duration LONG = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(200);

    @Test
    void shouldWakeOnAFileInANewDirectoryOnlyOnceItIsQuiet(@TempDir Path root) throws Exception {
        Wakeup wakeup = new Wakeup();
        try (TreeWatcher watcher = TreeWatcher.start(root, wakeup)) {
            // Given a watched tree with no change yet, Then a wait runs to its interval
            assertThat(wakeup.await(Duration.ofMillis(300), QUIET)).isEqualTo(Wakeup.Reason.INTERVAL);

            // When a directory is made and then, once it is registered, a file written deep inside it
            Files.createDirectories(root.resolve("a"));
            assertThat(wakeup.await(LONG, QUIET)).isEqualTo(Wakeup.Reason.CHANGE);
            assertThat(watcher.directories()).isEqualTo(2);
            wakeup.runStarting();
            Files.createDirectories(root.resolve("a/b"));
            Thread.sleep(300);
            wakeup.runStarting();
            Files.writeString(root.resolve("a/b/c.txt"), "x");

            // Then that wakes the next run, well before the interval
            long t0 = System.nanoTime();
            assertThat(wakeup.await(LONG, QUIET)).isEqualTo(Wakeup.Reason.CHANGE);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(watcher.directories()).isEqualTo(3);
        }
    }

    @Test
    void shouldCoalesceABurstAndStopAtOnce() throws Exception {
        Wakeup wakeup = new Wakeup();
        // Given changes every 50 ms for 400 ms, Then the wait ends only after the last one has been quiet
        Thread burst = new Thread(() -> {
            for (int i = 0; i < 8; i++) {
                wakeup.changed();
                sleep(50);
            }
        });
        long t0 = System.nanoTime();
        burst.start();
        assertThat(wakeup.await(LONG, QUIET)).isEqualTo(Wakeup.Reason.CHANGE);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
        burst.join();

        // When a stop is requested, Then a wait returns STOP at once, and so does every later one
        wakeup.runStarting();
        wakeup.stop();
        assertThat(wakeup.await(LONG, QUIET)).isEqualTo(Wakeup.Reason.STOP);
        assertThat(wakeup.stopRequested()).isTrue();
    }

    @Test
    void shouldRunUntilStoppedAndEndOnARefusal() {
        Wakeup wakeup = new Wakeup();
        int[] runs = new int[1];
        // Given a pass that fails once, then is in sync, and stops the watch on its third run
        int code = new WatchLoop(wakeup, Duration.ofMillis(10), QUIET).run((n, why) -> {
            runs[0] = n;
            if (n == 1) {
                assertThat(why).isEqualTo(Wakeup.Reason.START);
                throw new IllegalStateException("a passing failure");
            }
            if (n == 3) {
                wakeup.stop();
            }
            return 0;
        });
        // Then the failure did not end it, and the code is the last run's
        assertThat(runs[0]).isEqualTo(3);
        assertThat(code).isZero();

        // When a run is refused, Then the watch ends with its code
        assertThat(new WatchLoop(new Wakeup(), Duration.ofMillis(10), QUIET).run((n, why) -> n == 2 ? 3 : 0))
                .isEqualTo(3);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
