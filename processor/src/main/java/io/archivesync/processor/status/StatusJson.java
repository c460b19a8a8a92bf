package io.archivesync.processor.status;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.processor.dedup.DroppedRepeats;
import io.archivesync.schemas.key.Destinations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain maps of our records for the status endpoint's JSON (Avro's own toString is not strict JSON). */
final class StatusJson {

    private StatusJson() {
    }

    static Map<String, Object> result(CopyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.getRequestId());
        m.put("batchId", r.getBatchId());
        m.put("sourceUri", r.getSourceUri());
        m.put("destination", Destinations.location(r.getDestination()));
        m.put("outcome", r.getOutcome().name());
        m.put("method", r.getMethod().name());
        m.put("methodReason", r.getMethodReason());
        m.put("bytes", r.getBytes());
        m.put("bytesThroughCopier", r.getBytesThroughCopier());
        m.put("storageRequests", r.getStorageRequests());
        m.put("attempts", r.getAttempts());
        m.put("durationMillis", r.getDurationMillis());
        m.put("sourceEtag", r.getSourceEtag());
        m.put("sourceSize", r.getSourceSize());
        if (r.getVerification() != null) {
            m.put("verification", Map.of("method", r.getVerification().getMethod().name(),
                    "verified", r.getVerification().getVerified()));
        }
        m.put("errorClass", r.getErrorClass());
        m.put("errorMessage", r.getErrorMessage());
        m.put("completedAt", r.getCompletedAt().toString());
        return m;
    }

    /** What the answer holds for an object with no result yet (its request is in flight, a repeat was dropped). */
    static Map<String, Object> noResult(String destination) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("destination", "s3://" + destination);
        m.put("outcome", null);
        return m;
    }

    /** Repeats dedup dropped for an object; each was answered by the request it repeated ({@code repeatOf}). */
    static Map<String, Object> repeats(DroppedRepeats r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", r.count());
        m.put("lastRequestId", r.lastRequestId());
        m.put("lastDroppedAt", Instant.ofEpochMilli(r.lastDroppedAt()).toString());
        m.put("repeatOf", r.repeatOf());
        return m;
    }

    static Map<String, Object> aggregate(EfficiencyAggregate a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("market", a.getMarket());
        m.put("dataType", a.getDataType());
        m.put("method", a.getMethod().name());
        m.put("copied", a.getCopied());
        m.put("skipped", a.getSkipped());
        m.put("failed", a.getFailed());
        m.put("bytes", a.getBytes());
        m.put("bytesThroughCopier", a.getBytesThroughCopier());
        m.put("storageRequests", a.getStorageRequests());
        m.put("requestsSavedVsDownloadUpload", a.getRequestsSavedVsDownloadUpload());
        m.put("busyMillis", a.getBusyMillis());
        return m;
    }
}
