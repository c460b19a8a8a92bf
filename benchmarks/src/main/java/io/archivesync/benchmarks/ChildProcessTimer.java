package io.archivesync.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wall and CPU time of one child process (a fresh {@code java -jar}, rclone), and the CPU a long-lived server
 * process used meanwhile.
 *
 * <p>How the child's CPU is had: Linux adds a child's user and system time to its parent's {@code cutime} and
 * {@code cstime} (fields 16 and 17 of {@code /proc/self/stat}) when the parent reaps it, which the JDK's process
 * reaper does before {@link Process#waitFor()} returns. The difference across one run is that child's CPU, all its
 * threads included (and its own reaped children's), exactly, with none of the sampling gap of reading
 * {@code /proc/<pid>/stat} before it exits. So one child at a time: the server process stays alive until the end
 * and is not reaped in between. Linux only; figures in clock ticks of 10 ms ({@code USER_HZ} is 100).
 */
final class ChildProcessTimer {

    private static final double TICK_SECONDS = 0.01;

    /** @param wallSeconds process start to exit (reaped) */
    record Timed(int exitCode, double wallSeconds, double cpuSeconds, double serverCpuSeconds) {
    }

    private ChildProcessTimer() {
    }

    /** Starts the process, waits for it, and measures it; {@code serverPid}'s CPU is sampled before and after. */
    static Timed run(ProcessBuilder builder, long serverPid) throws IOException, InterruptedException {
        long childrenBefore = reapedChildrenTicks();
        long serverBefore = ticks(Path.of("/proc", String.valueOf(serverPid), "stat"), 13);
        long t0 = System.nanoTime();
        Process process = builder.start();
        int exitCode = process.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        long server = ticks(Path.of("/proc", String.valueOf(serverPid), "stat"), 13) - serverBefore;
        long children = reapedChildrenTicks() - childrenBefore;
        return new Timed(exitCode, wall, children * TICK_SECONDS, server * TICK_SECONDS);
    }

    private static long reapedChildrenTicks() throws IOException {
        return ticks(Path.of("/proc/self/stat"), 15);
    }

    /**
     * The sum of two consecutive fields of a {@code stat} file, counted from the one after the command name
     * (which may hold spaces, so the count starts after its closing parenthesis): 13 = utime + stime,
     * 15 = cutime + cstime, both 0-based on the whole line.
     */
    private static long ticks(Path stat, int field) throws IOException {
        String line = Files.readString(stat, StandardCharsets.US_ASCII);
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        int index = field - 2;
        return Long.parseLong(rest[index]) + Long.parseLong(rest[index + 1]);
    }
}
