package io.archivesync.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one contender on one path of {@link CrossProviderStreamingBenchmark}: its timed rounds, and the
 * requests of its one copy in the untimed counting pass.
 */
final class CrossProviderRow {

    private static final double MIB = 1 << 20;

    final String path;
    final CrossProviderContender contender;
    final String label;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Long> peakHeapMiB = new ArrayList<>();
    private int reportedRequests = -1;
    private int countedRequests;
    private String countedBreakdown = "";

    CrossProviderRow(String path, CrossProviderContender contender, String label) {
        this.path = path;
        this.contender = contender;
        this.label = label;
    }

    void timed(double copySeconds, long peakMiB) {
        seconds.add(copySeconds);
        peakHeapMiB.add(peakMiB);
    }

    void counted(int reported, int onTheWire, String breakdown) {
        reportedRequests = reported;
        countedRequests = onTheWire;
        countedBreakdown = breakdown;
    }

    double medianSeconds() {
        List<Double> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double mibPerSecond(long bytes) {
        return bytes / MIB / medianSeconds();
    }

    /** The largest peak of the rounds (heap is a ceiling to stay under, so the worst round counts). */
    long maxPeakHeapMiB() {
        return peakHeapMiB.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    String allSeconds() {
        return String.join(" / ", seconds.stream().map(BenchSupport::fmt).toList());
    }

    String allPeaks() {
        return String.join(" / ", peakHeapMiB.stream().map(String::valueOf).toList());
    }

    /** The requests per object as the row reports them: the transfer's own figure, then what the wire saw. */
    String requests() {
        String wire = countedRequests + " counted on the wire (" + countedBreakdown + ")";
        return reportedRequests < 0 ? wire : reportedRequests + " by Streamed.requests(); " + wire;
    }
}
