package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans {@code retry}: a new request for every selected object whose latest result is not good. It is built from
 * that result (source URI, destination) and, when the requests topic still holds it, from the request that failed
 * (source region, size, ETag, SHA-256, archive coordinates, mode, attributes such as a delete's action); a new
 * request id and the job's attribute either way. The processor's dedup lets a repeat of a failed request through.
 */
final class RetryPlanner {

    private RetryPlanner() {
    }

    static JobPlan plan(StateView view, String jobId) {
        Instant now = Instant.now();
        List<FileSyncRequest> requests = view.latest().stream()
                .filter(r -> !JobTracker.isGood(r.getOutcome()) && r.getOutcome() != CopyOutcome.DELETED)
                .map(r -> request(r, view.request(r.getRequestId()), jobId, now))
                .toList();
        return new JobPlan(jobId, requests, 0);
    }

    static FileSyncRequest request(CopyResult failed, Optional<FileSyncRequest> original, String jobId,
                                   Instant now) {
        FileSyncRequest.Builder request = original.map(FileSyncRequest::newBuilder)
                .orElseGet(() -> FileSyncRequest.newBuilder()
                        .setSource(SourceLocation.newBuilder().setUri(failed.getSourceUri()).build())
                        .setArchive(failed.getArchive())
                        .setOrigin(RequestOrigin.API)
                        .setAttributes(Map.of()));
        request.setSource(SourceLocation.newBuilder(request.getSource()).setUri(failed.getSourceUri()).build())
                .setDestination(failed.getDestination())
                .setRequestId(JobPlan.newJobId())
                .setRequestedAt(now);
        return JobPlan.tagged(request.build(), jobId);
    }

    /** The job a retry belongs to: the selected job's own, so that its status includes the retries, or a new one. */
    static String jobId(Selection selection) {
        return selection.byJob() ? selection.job() : JobPlan.newJobId();
    }
}
