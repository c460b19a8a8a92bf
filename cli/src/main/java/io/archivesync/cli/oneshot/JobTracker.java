package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.PriceSettings;
import io.archivesync.schemas.key.RecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which of a job's objects have ended, and how. First the results already on the topic are read
 * ({@link #remember}): an object whose latest result is good for the same source version is answered from it and not
 * requested again (the processor's dedup would drop a repeat of a request that ended good, and nothing would answer).
 * Then every result written after that look is matched ({@link #accept}) by destination and source version: this
 * job's own, or another's for the same object (a killed run's request still in flight, whose repeat dedup drops).
 */
final class JobTracker {

    private final Map<String, FileSyncRequest> pending = new LinkedHashMap<>();
    private final Map<String, CopyResult> latest = new HashMap<>();
    private final JobTally tally;
    private final int total;
    private final long totalBytes;

    JobTracker(List<FileSyncRequest> requests, PriceSettings prices) {
        tally = new JobTally(prices);
        requests.forEach(r -> pending.put(RecordKey.of(r), r));
        total = pending.size();
        totalBytes = pending.values().stream().mapToLong(r -> r.getExpectedSize() == null ? 0 : r.getExpectedSize())
                .sum();
    }

    /** A result from before this job: kept when it is the latest for one of the job's destinations. */
    void remember(CopyResult result) {
        String key = RecordKey.of(result);
        if (pending.containsKey(key)) {
            latest.put(key, result);
        }
    }

    /**
     * Ends every object whose latest result is good for the same source version, as skipped with no storage request.
     *
     * @return the requests still to publish
     */
    List<FileSyncRequest> answerFromState() {
        List<FileSyncRequest> toPublish = new ArrayList<>();
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            CopyResult known = latest.get(entry.getKey());
            if (known != null && isGood(known.getOutcome()) && sameVersion(entry.getValue(), known)) {
                tally.answeredFromState(entry.getValue());
                it.remove();
            } else {
                toPublish.add(entry.getValue());
            }
        }
        latest.clear();
        return toPublish;
    }

    /** A result written after the look at the state: ends its object when it is about the same source version. */
    boolean accept(CopyResult result) {
        String key = RecordKey.of(result);
        FileSyncRequest request = pending.get(key);
        if (request == null || !(request.getRequestId().equals(result.getRequestId()) || sameVersion(request,
                result))) {
            return false;
        }
        pending.remove(key);
        tally.ended(result);
        return true;
    }

    /**
     * A dead letter keyed by one of the job's destinations: the processor refused that request, so it ends as
     * FAILED_INVALID with the processor's reason (nothing else will ever answer it).
     */
    boolean deadLettered(String key, String reason) {
        FileSyncRequest request = key == null ? null : pending.remove(key);
        if (request == null) {
            return false;
        }
        tally.ended(CopyResult.newBuilder()
                .setRequestId(request.getRequestId())
                .setSourceUri(request.getSource().getUri())
                .setDestination(request.getDestination())
                .setOutcome(CopyOutcome.FAILED_INVALID)
                .setMethod(CopyMethod.NONE)
                .setMethodReason("refused by the processor: dead-lettered")
                .setErrorKind(ErrorKind.INVALID)
                .setErrorClass("DeadLettered")
                .setErrorMessage(reason)
                .setCompletedAt(Instant.now())
                .build());
        return true;
    }

    boolean done() {
        return pending.isEmpty();
    }

    int total() {
        return total;
    }

    long totalBytes() {
        return totalBytes;
    }

    JobTally tally() {
        return tally;
    }

    static boolean isGood(CopyOutcome outcome) {
        return outcome == CopyOutcome.COPIED || outcome == CopyOutcome.SKIPPED_CURRENT;
    }

    /** Same source URI, and the same ETag when both know one. */
    private static boolean sameVersion(FileSyncRequest request, CopyResult result) {
        if (!Objects.equals(request.getSource().getUri(), result.getSourceUri())) {
            return false;
        }
        return request.getExpectedEtag() == null || result.getSourceEtag() == null
                || request.getExpectedEtag().equals(result.getSourceEtag());
    }
}
