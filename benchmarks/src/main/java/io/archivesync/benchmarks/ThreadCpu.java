package io.archivesync.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time spent by the JVM's threads between {@link #start()} and {@link #report}, grouped by what they belong to
 * (processor, broker, load generator...), next to the whole process's: the rest is the JIT compiler and the garbage
 * collector, which are not Java threads. Threads that ended in between are not counted, so the groups are a lower
 * bound.
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Function<String, String> grouping;
    private final Map<Long, Long> before = new HashMap<>();
    private long processBefore;
    private long wallBefore;

    /** @param grouping the group a thread belongs to, from its name */
    ThreadCpu(Function<String, String> grouping) {
        this.grouping = grouping;
    }

    ThreadCpu start() {
        before.clear();
        for (long id : threads.getAllThreadIds()) {
            before.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        processBefore = os.getProcessCpuTime();
        wallBefore = System.nanoTime();
        return this;
    }

    /** One line: seconds of CPU per group, the process total, and the cores used on average. */
    String report() {
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        Map<String, Double> byGroup = new LinkedHashMap<>();
        double threadsTotal = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long now = threads.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            double seconds = (now - before.getOrDefault(id, 0L)) / 1e9;
            byGroup.merge(grouping.apply(info.getThreadName()), seconds, Double::sum);
            threadsTotal += seconds;
        }
        double process = (os.getProcessCpuTime() - processBefore) / 1e9;
        StringBuilder line = new StringBuilder();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format("%s %.1f s, ", e.getKey(), e.getValue())));
        line.append(String.format("JIT+GC+other %.1f s; process %.1f s over %.1f s = %.2f cores",
                Math.max(0, process - threadsTotal), process, wall, process / wall));
        return line.toString();
    }
}
