package io.archivesync.cli.oneshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.CopyResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code archive-sync history}: every result one object has had, oldest first.
 *
 * @param object  {@code s3://bucket/key}
 * @param results its results, in the order they were written
 */
record HistoryReport(String object, String where, List<Entry> results) {

    /** One result, as a line of the history. */
    record Entry(String completedAt, String outcome, String method, long bytes, int storageRequests,
                 String sourceUri, String errorKind, String errorClass, String errorMessage, String requestId) {

        static Entry of(CopyResult r) {
            return new Entry(r.getCompletedAt().toString(), r.getOutcome().name(), r.getMethod().name(),
                    r.getBytes(), r.getStorageRequests(), r.getSourceUri(),
                    r.getErrorKind() == null ? null : r.getErrorKind().name(), r.getErrorClass(),
                    r.getErrorMessage(), r.getRequestId());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static HistoryReport of(String object, String where, List<CopyResult> results) {
        return new HistoryReport(object, where, results.stream().map(Entry::of).toList());
    }

    void printJson(PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the history as JSON", e);
        }
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%s (%s): %d results%n", object, where, results.size());
        for (Entry e : results) {
            out.printf(Locale.ROOT, "  %s  %-17s %-21s %10s %3d requests  request %s%n", e.completedAt(),
                    e.outcome(), e.method(), Bytes.human(e.bytes()), e.storageRequests(), e.requestId());
            if (e.errorClass() != null || e.errorMessage() != null) {
                out.printf(Locale.ROOT, "      %s: %s%n", e.errorClass(), e.errorMessage());
            }
        }
    }
}
