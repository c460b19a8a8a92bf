package io.archivesync.benchmarks;

import java.util.Arrays;

/** Latency percentiles of a run, from all samples (a million longs sort in well under a second). */
final class Percentiles {

    private long[] samples = new long[1 << 16];
    private int size;

    void add(long value) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = value;
    }

    int count() {
        return size;
    }

    String summary() {
        if (size == 0) {
            return "no samples";
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return String.format("p50 %d ms, p90 %d ms, p99 %d ms, max %d ms", at(sorted, 0.50), at(sorted, 0.90),
                at(sorted, 0.99), sorted[size - 1]);
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
