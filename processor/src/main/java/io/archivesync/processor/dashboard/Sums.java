package io.archivesync.processor.dashboard;

import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.processor.aggregate.Efficiency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Efficiency totals summed over several aggregates (all of them, or one market's). The rates are recomputed from the
 * summed counts, never averaged, so a busy group weighs as much as its objects.
 */
final class Sums {

    private long copied;
    private long skipped;
    private long unverified;
    private long failed;
    private long deleted;
    private long fallbacks;
    private long bytes;
    private long bytesThroughCopier;
    private long storageRequests;
    private long baselineRequests;
    private long requestsSaved;
    private long baselineTransfer;
    private long transferSaved;
    private double costSaved;

    void add(EfficiencyAggregate a) {
        copied += a.getCopied();
        skipped += a.getSkipped();
        unverified += a.getUnverified();
        failed += a.getFailed();
        deleted += a.getDeleted();
        fallbacks += a.getFallbacks();
        bytes += a.getBytes();
        bytesThroughCopier += a.getBytesThroughCopier();
        storageRequests += a.getStorageRequests();
        baselineRequests += a.getBaselineRequests();
        requestsSaved += a.getRequestsSavedVsDownloadUpload();
        baselineTransfer += a.getBaselineTransferBytes();
        transferSaved += a.getTransferBytesSavedVsDownloadUpload();
        costSaved += a.getEstimatedCostSaved();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objects", copied + skipped + unverified + failed + deleted);
        m.put("copied", copied);
        m.put("skipped", skipped);
        m.put("unverified", unverified);
        m.put("failed", failed);
        m.put("deleted", deleted);
        m.put("fallbacks", fallbacks);
        m.put("bytes", bytes);
        m.put("bytesThroughCopier", bytesThroughCopier);
        m.put("bytesNotThroughCopier", bytes - bytesThroughCopier);
        m.put("storageRequests", storageRequests);
        m.put("baselineRequests", baselineRequests);
        m.put("requestsSaved", requestsSaved);
        m.put("baselineTransferBytes", baselineTransfer);
        m.put("transferBytesSaved", transferSaved);
        m.put("estimatedCostSaved", costSaved);
        m.put("successRate", Efficiency.ratio(copied + skipped, copied + skipped + unverified + failed));
        m.put("efficiencyImprovement", Efficiency.ratio(requestsSaved, baselineRequests));
        m.put("networkTransferReduction", Efficiency.ratio(transferSaved, baselineTransfer));
        return m;
    }
}
