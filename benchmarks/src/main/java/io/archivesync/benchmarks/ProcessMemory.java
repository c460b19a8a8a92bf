package io.archivesync.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory from {@code /proc/self/status}: now (VmRSS) and the peak so far (VmHWM). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static long rssKib() {
        return status("VmRSS:");
    }

    static long peakRssKib() {
        return status("VmHWM:");
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
