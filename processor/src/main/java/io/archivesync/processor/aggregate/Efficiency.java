package io.archivesync.processor.aggregate;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.core.config.PriceSettings;

/**
 * The arithmetic of the efficiency aggregates. "Requests saved" compares with the plainest way to mirror an object,
 * download then upload: a GET and a PUT for an object up to {@link #PART_SIZE}, and for a larger one a GET, a
 * CreateMultipartUpload, one UploadPart per part and a CompleteMultipartUpload; and the object's bytes cross the
 * copier's network twice, down and up. Only good results (COPIED, SKIPPED_CURRENT) count as saved, since only they
 * leave a good copy that the baseline would have produced too. The formulas are in docs/dashboard.md.
 */
public final class Efficiency {

    /** The part size the download-then-upload baseline is counted with (the AWS CLI's default, 8 MiB). */
    public static final long PART_SIZE = 8L * 1024 * 1024;
    /** The GB that storage prices are quoted per (AWS bills per GiB). */
    public static final double GB = 1024.0 * 1024 * 1024;

    private Efficiency() {
    }

    /** The grouping key: market, data type and method. */
    public static String key(CopyResult r) {
        return market(r) + "|" + dataType(r) + "|" + r.getMethod();
    }

    public static EfficiencyAggregate empty() {
        return EfficiencyAggregate.newBuilder()
                .setMarket("")
                .setDataType("")
                .setMethod(CopyMethod.NONE)
                .build();
    }

    /**
     * Adds one result to the running figures (in place, as Streams' aggregator expects, and returns them), with
     * the saving in money estimated from {@code prices}.
     */
    public static EfficiencyAggregate add(CopyResult r, EfficiencyAggregate a, PriceSettings prices) {
        a.setMarket(market(r));
        a.setDataType(dataType(r));
        a.setMethod(r.getMethod());
        CopyOutcome outcome = r.getOutcome();
        if (outcome == CopyOutcome.COPIED) {
            a.setCopied(a.getCopied() + 1);
        } else if (outcome == CopyOutcome.SKIPPED_CURRENT) {
            a.setSkipped(a.getSkipped() + 1);
        } else if (outcome == CopyOutcome.COPIED_UNVERIFIED) {
            a.setUnverified(a.getUnverified() + 1);
        } else if (outcome == CopyOutcome.DELETED) {
            a.setDeleted(a.getDeleted() + 1);
        } else {
            a.setFailed(a.getFailed() + 1);
        }
        if (r.getFellBack()) {
            a.setFallbacks(a.getFallbacks() + 1);
        }
        a.setBytes(a.getBytes() + r.getBytes());
        a.setBytesThroughCopier(a.getBytesThroughCopier() + r.getBytesThroughCopier());
        a.setStorageRequests(a.getStorageRequests() + r.getStorageRequests());
        if (outcome == CopyOutcome.COPIED || outcome == CopyOutcome.SKIPPED_CURRENT) {
            long baseline = baselineRequests(r.getBytes());
            a.setBaselineRequests(a.getBaselineRequests() + baseline);
            a.setRequestsSavedVsDownloadUpload(a.getRequestsSavedVsDownloadUpload() + baseline
                    - r.getStorageRequests());
            long transferred = transferredBytes(r);
            a.setBaselineTransferBytes(a.getBaselineTransferBytes() + 2 * r.getBytes());
            a.setTransferBytesSavedVsDownloadUpload(a.getTransferBytesSavedVsDownloadUpload() + 2 * r.getBytes()
                    - transferred);
            a.setEstimatedCostSaved(a.getEstimatedCostSaved() + baselineCost(r.getBytes(), prices)
                    - cost(r.getStorageRequests(), r.getBytesThroughCopier() + r.getBytesReadForVerification(),
                    prices));
        }
        a.setBusyMillis(a.getBusyMillis() + r.getDurationMillis());
        a.setSuccessRate(ratio(a.getCopied() + a.getSkipped(),
                a.getCopied() + a.getSkipped() + a.getUnverified() + a.getFailed()));
        a.setEfficiencyImprovement(ratio(a.getRequestsSavedVsDownloadUpload(), a.getBaselineRequests()));
        a.setNetworkTransferReduction(ratio(a.getTransferBytesSavedVsDownloadUpload(), a.getBaselineTransferBytes()));
        return a;
    }

    /**
     * Bytes that crossed the copier's network for one result: what streamed through it, down and up, plus what it
     * read back from the destination to verify.
     */
    public static long transferredBytes(CopyResult r) {
        return 2 * r.getBytesThroughCopier() + r.getBytesReadForVerification();
    }

    /** What a download-then-upload of {@code bytes} costs: one read, the upload's writes, the egress. */
    public static double baselineCost(long bytes, PriceSettings prices) {
        return prices.readRequestsPer1000() / 1000 + (baselineRequests(bytes) - 1) * prices.writeRequestsPer1000()
                / 1000 + bytes / GB * prices.egressPerGb();
    }

    /** What our copy cost: every request priced as a write (the dearer class), and the bytes read out. */
    public static double cost(long requests, long bytesReadOut, PriceSettings prices) {
        return requests * prices.writeRequestsPer1000() / 1000 + bytesReadOut / GB * prices.egressPerGb();
    }

    /** {@code part / whole}, 0 when {@code whole} is 0. */
    public static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** Requests a download-then-upload of {@code bytes} would issue. */
    public static long baselineRequests(long bytes) {
        if (bytes <= PART_SIZE) {
            return 2;
        }
        long parts = (bytes + PART_SIZE - 1) / PART_SIZE;
        return 3 + parts;
    }

    /** Bytes per second over {@code millis}; 0 when there is no time to divide by. */
    public static double throughput(long bytes, long millis) {
        return millis <= 0 ? 0.0 : bytes * 1000.0 / millis;
    }

    private static String market(CopyResult r) {
        return r.getArchive() == null ? "none" : r.getArchive().getMarket();
    }

    private static String dataType(CopyResult r) {
        return r.getArchive() == null ? "none" : r.getArchive().getDataType();
    }
}
