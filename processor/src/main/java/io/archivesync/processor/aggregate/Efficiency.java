package io.archivesync.processor.aggregate;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;

/**
 * The arithmetic of the efficiency aggregates. "Requests saved" compares with the plainest way to mirror an object,
 * download then upload: a GET and a PUT for an object up to {@link #PART_SIZE}, and for a larger one a GET, a
 * CreateMultipartUpload, one UploadPart per part and a CompleteMultipartUpload.
 */
public final class Efficiency {

    /** The part size the download-then-upload baseline is counted with (the AWS CLI's default, 8 MiB). */
    public static final long PART_SIZE = 8L * 1024 * 1024;

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

    /** Adds one result to the running figures (in place, as Streams' aggregator expects, and returns them). */
    public static EfficiencyAggregate add(CopyResult r, EfficiencyAggregate a) {
        a.setMarket(market(r));
        a.setDataType(dataType(r));
        a.setMethod(r.getMethod());
        if (r.getOutcome() == CopyOutcome.COPIED) {
            a.setCopied(a.getCopied() + 1);
        } else if (r.getOutcome() == CopyOutcome.SKIPPED_CURRENT) {
            a.setSkipped(a.getSkipped() + 1);
        } else if (r.getOutcome() == CopyOutcome.COPIED_UNVERIFIED) {
            a.setUnverified(a.getUnverified() + 1);
        } else if (r.getOutcome() != CopyOutcome.DELETED) {
            a.setFailed(a.getFailed() + 1);
        }
        boolean good = r.getOutcome() == CopyOutcome.COPIED || r.getOutcome() == CopyOutcome.SKIPPED_CURRENT;
        a.setBytes(a.getBytes() + r.getBytes());
        a.setBytesThroughCopier(a.getBytesThroughCopier() + r.getBytesThroughCopier());
        a.setStorageRequests(a.getStorageRequests() + r.getStorageRequests());
        if (good) {
            a.setRequestsSavedVsDownloadUpload(a.getRequestsSavedVsDownloadUpload()
                    + baselineRequests(r.getBytes()) - r.getStorageRequests());
        }
        a.setBusyMillis(a.getBusyMillis() + r.getDurationMillis());
        return a;
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
