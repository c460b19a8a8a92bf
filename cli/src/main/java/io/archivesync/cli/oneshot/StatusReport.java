package io.archivesync.cli.oneshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.core.config.PriceSettings;
import io.archivesync.processor.aggregate.Efficiency;
import io.archivesync.schemas.key.Destinations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code archive-sync status}: where the selected objects stand. Outcomes and methods are counted over each object's
 * latest result; bytes, storage requests and the saving against download-then-upload over every result (every
 * attempt cost its requests).
 *
 * @param objects   objects with at least one result
 * @param results   results, all attempts
 * @param inFlight  objects requested whose latest request has no result yet
 * @param deadLettered requests the processor refused (on the dead-letter topic), which will get no result
 * @param failures  the latest failures, most recent first (at most {@link JobTally#FAILURES_SHOWN})
 * @param notGood   objects whose latest result is not good
 * @param syncPairs the last sync of each pair synced with this state (only without a JOB|PREFIX)
 */
record StatusReport(String selection, String where, long objects, long results, long inFlight, long deadLettered,
                    Map<String, Long> outcomes, Map<String, Long> methods, long notGood, List<Failure> failures,
                    long bytes, long bytesThroughCopier, long storageRequests, long baselineRequests,
                    long requestsSaved, double efficiencyImprovement, List<StatusSyncPair> syncPairs) {

    /** The latest result of an object that did not end good, and why. */
    record Failure(String destination, String outcome, String errorKind, String errorClass, String reason,
                   String completedAt, String requestId) {

        static Failure of(CopyResult r) {
            return new Failure(Destinations.location(r.getDestination()), r.getOutcome().name(),
                    r.getErrorKind() == null ? null : r.getErrorKind().name(), r.getErrorClass(),
                    r.getErrorMessage() == null ? r.getMethodReason() : r.getErrorMessage(),
                    r.getCompletedAt().toString(), r.getRequestId());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static StatusReport of(Selection selection, String where, StateView view, PriceSettings prices,
                           List<StatusSyncPair> syncPairs) {
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> methods = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        List<CopyResult> latest = view.latest();
        long notGood = 0;
        for (CopyResult r : latest) {
            outcomes.merge(r.getOutcome().name(), 1L, Long::sum);
            methods.merge(r.getMethod().name(), 1L, Long::sum);
            if (!JobTracker.isGood(r.getOutcome())) {
                notGood++;
            }
        }
        for (int i = latest.size() - 1; i >= 0 && failures.size() < JobTally.FAILURES_SHOWN; i--) {
            if (!JobTracker.isGood(latest.get(i).getOutcome())) {
                failures.add(Failure.of(latest.get(i)));
            }
        }
        EfficiencyAggregate sums = Efficiency.empty();
        List<CopyResult> all = view.results();
        all.forEach(r -> Efficiency.add(r, sums, prices));
        return new StatusReport(selection.toString(), where, latest.size(), all.size(), view.inFlight(),
                view.deadLettered(),
                Collections.unmodifiableMap(outcomes), Collections.unmodifiableMap(methods), notGood,
                List.copyOf(failures), sums.getBytes(), sums.getBytesThroughCopier(), sums.getStorageRequests(),
                sums.getBaselineRequests(), sums.getRequestsSavedVsDownloadUpload(), sums.getEfficiencyImprovement(),
                List.copyOf(syncPairs));
    }

    void printJson(PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status as JSON", e);
        }
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%s (%s)%n", selection, where);
        out.printf(Locale.ROOT, "  objects     %,d with a result (%,d results), %,d in flight, %,d not good%s%n",
                objects, results, inFlight, notGood, deadLettered == 0 ? ""
                        : String.format(Locale.ROOT, ", %,d refused by the processor (requests-dlq)", deadLettered));
        out.printf(Locale.ROOT, "  outcomes    %s%n", counts(outcomes));
        out.printf(Locale.ROOT, "  methods     %s%n", counts(methods));
        out.printf(Locale.ROOT, "  bytes       %s (%,d), through the copier %s%n", Bytes.human(bytes), bytes,
                Bytes.human(bytesThroughCopier));
        out.printf(Locale.ROOT, "  requests    %,d storage requests; %,d of %,d saved against download-then-upload"
                + " (%.1f %%)%n", storageRequests, requestsSaved, baselineRequests, efficiencyImprovement * 100);
        if (!failures.isEmpty()) {
            out.printf(Locale.ROOT, "last failures%s:%n", notGood > failures.size()
                    ? " (the latest " + failures.size() + " of " + notGood + ")" : "");
            failures.forEach(f -> out.printf(Locale.ROOT, "  %s  %s  %s  %s%s%n", f.completedAt(), f.destination(),
                    f.outcome(), f.errorClass() == null ? "" : f.errorClass() + ": ", f.reason()));
            out.println("`archive-sync retry` requests them again; `archive-sync history s3://bucket/key` shows"
                    + " every result of one");
        }
        StatusSyncPair.print(out, syncPairs);
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((name, n) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(n));
        return text.toString();
    }
}
