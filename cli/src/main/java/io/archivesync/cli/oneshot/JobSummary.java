package io.archivesync.cli.oneshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.EfficiencyAggregate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The end of a job, as a person reads it or as one JSON object ({@code --json}).
 *
 * @param storageRequestsPerObject the copier's storage requests over all objects (listing not included)
 * @param firstCopySeconds         from start to the first COPIED result; -1 when nothing was copied
 * @param efficiency               the figures of the results this run saw against download-then-upload
 */
record JobSummary(String jobId, String mode, String source, String destination, long objects, long copied,
                  long skipped, long answeredFromState, long failed, long unverified, long bytes,
                  long bytesThroughCopier, long storageRequests, double storageRequestsPerObject,
                  long listingRequests, double elapsedSeconds, double firstCopySeconds,
                  List<JobTally.Failure> failures, int exitCode, Efficiency efficiency) {

    /**
     * Against download-then-upload, for the objects this run copied or checked (not those answered from state, which
     * cost nothing): the processor's aggregate formulas (docs/dashboard.md).
     */
    record Efficiency(double successRate, long requestsSaved, long baselineRequests, double efficiencyImprovement,
                      long transferBytesSaved, double networkTransferReduction, long fallbacks,
                      double estimatedCostSaved, String currency) {

        static Efficiency of(JobTally tally) {
            EfficiencyAggregate a = tally.efficiency();
            return new Efficiency(a.getSuccessRate(), a.getRequestsSavedVsDownloadUpload(), a.getBaselineRequests(),
                    a.getEfficiencyImprovement(), a.getTransferBytesSavedVsDownloadUpload(),
                    a.getNetworkTransferReduction(), a.getFallbacks(), a.getEstimatedCostSaved(), tally.currency());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static JobSummary of(JobPlan plan, String mode, String source, String destination, JobTally tally,
                         long startedNanos) {
        long objects = plan.requests().size();
        double first = tally.firstCopyNanos() < 0 ? -1 : (tally.firstCopyNanos() - startedNanos) / 1e9;
        return new JobSummary(plan.jobId(), mode, source, destination, objects, tally.copied(), tally.skipped(),
                tally.answeredFromState(), tally.failed(), tally.unverified(), tally.bytes(),
                tally.bytesThroughCopier(), tally.storageRequests(),
                objects == 0 ? 0 : (double) tally.storageRequests() / objects, plan.listingRequests(),
                (System.nanoTime() - startedNanos) / 1e9, first, tally.failures(), tally.notGood() == 0 ? 0 : 1,
                Efficiency.of(tally));
    }

    /** Prints the summary, as JSON or as text, and answers the command's exit code. */
    int report(PrintWriter out, boolean json) {
        if (json) {
            printJson(out);
        } else {
            print(out);
        }
        return exitCode();
    }

    void printJson(PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary as JSON", e);
        }
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%s -> %s (job %s, %s)%n", source, destination, jobId, mode);
        out.printf(Locale.ROOT, "  objects     %,d: copied %,d, skipped %,d (%,d answered from state), failed %,d,"
                + " unverified %,d%n", objects, copied, skipped, answeredFromState, failed, unverified);
        out.printf(Locale.ROOT, "  bytes       %s (%,d), through the copier %s%n", Bytes.human(bytes), bytes,
                Bytes.human(bytesThroughCopier));
        out.printf(Locale.ROOT, "  requests    %.2f storage requests per object (%,d by the copier), %,d to list"
                + " the source%n", storageRequestsPerObject, storageRequests, listingRequests);
        if (efficiency.baselineRequests() > 0) {
            out.printf(Locale.ROOT, "  efficiency  success %.1f %%, %,d of %,d requests saved (%.1f %%) and %s of"
                            + " transfer (%.1f %%) against download-then-upload, %,d fallbacks, about %.4f %s saved%n",
                    efficiency.successRate() * 100, efficiency.requestsSaved(), efficiency.baselineRequests(),
                    efficiency.efficiencyImprovement() * 100, Bytes.human(efficiency.transferBytesSaved()),
                    efficiency.networkTransferReduction() * 100, efficiency.fallbacks(),
                    efficiency.estimatedCostSaved(), efficiency.currency());
        }
        out.printf(Locale.ROOT, "  elapsed     %.1f s%s%n", elapsedSeconds,
                firstCopySeconds < 0 ? "" : String.format(Locale.ROOT, " (first copy after %.1f s)", firstCopySeconds));
        if (exitCode != 0) {
            out.printf(Locale.ROOT, "%,d objects did not end good%s:%n", failed + unverified,
                    failed + unverified > failures.size() ? " (the first " + failures.size() + ")" : "");
            failures.forEach(f -> out.printf(Locale.ROOT, "  %s  %s  %s%n", f.key(), f.outcome(), f.errorMessage()));
            out.println("run the same command again to retry them (what is good is not copied again), or "
                    + "`archive-sync retry " + jobId + "`; `archive-sync history s3://bucket/key` shows every result"
                    + " of one");
        }
    }
}
