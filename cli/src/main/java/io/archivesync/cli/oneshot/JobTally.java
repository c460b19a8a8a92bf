package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.PriceSettings;
import io.archivesync.processor.aggregate.Efficiency;
import java.util.ArrayList;
import java.util.List;

/** The running figures of one job: outcomes, bytes, storage requests and the first failures. */
final class JobTally {

    /** How many failures the summary names. */
    static final int FAILURES_SHOWN = 10;

    /** One failed object, as the summary names it. */
    record Failure(String key, CopyOutcome outcome, String errorMessage) {
    }

    private long done;
    private long copied;
    private long skipped;
    private long answeredFromState;
    private long unverified;
    private long failed;
    private long bytes;
    private long bytesThroughCopier;
    private long storageRequests;
    private long firstCopyNanos = -1;
    private final List<Failure> failures = new ArrayList<>();
    private final PriceSettings prices;
    private EfficiencyAggregate efficiency = Efficiency.empty();

    /** @param prices the price table of the estimated cost saving ({@code processor.prices}) */
    JobTally(PriceSettings prices) {
        this.prices = prices;
    }

    void answeredFromState(FileSyncRequest request) {
        done++;
        skipped++;
        answeredFromState++;
        bytes += request.getExpectedSize() == null ? 0 : request.getExpectedSize();
    }

    void ended(CopyResult r) {
        done++;
        efficiency = Efficiency.add(r, efficiency, prices);
        bytes += r.getBytes();
        bytesThroughCopier += r.getBytesThroughCopier();
        storageRequests += r.getStorageRequests();
        switch (r.getOutcome()) {
            case COPIED -> copied++;
            case SKIPPED_CURRENT -> skipped++;
            case COPIED_UNVERIFIED -> unverified++;
            default -> failed++;
        }
        if (r.getOutcome() == CopyOutcome.COPIED && firstCopyNanos < 0) {
            firstCopyNanos = System.nanoTime();
        }
        if (!JobTracker.isGood(r.getOutcome()) && failures.size() < FAILURES_SHOWN) {
            failures.add(new Failure(r.getDestination().getKey(), r.getOutcome(),
                    r.getErrorMessage() == null ? r.getMethodReason() : r.getErrorMessage()));
        }
    }

    /**
     * The efficiency figures of the results this job saw, by the formulas of the processor's aggregates (success
     * rate, requests and transfer saved against download-then-upload, fallbacks, estimated cost saved).
     */
    EfficiencyAggregate efficiency() {
        return efficiency;
    }

    String currency() {
        return prices.currency();
    }

    long done() {
        return done;
    }

    long copied() {
        return copied;
    }

    long skipped() {
        return skipped;
    }

    long answeredFromState() {
        return answeredFromState;
    }

    long unverified() {
        return unverified;
    }

    long failed() {
        return failed;
    }

    long bytes() {
        return bytes;
    }

    long bytesThroughCopier() {
        return bytesThroughCopier;
    }

    long storageRequests() {
        return storageRequests;
    }

    /** {@link System#nanoTime()} of the first COPIED result, or -1. */
    long firstCopyNanos() {
        return firstCopyNanos;
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Failures of any kind, unverified copies included: what makes the exit code 1. */
    long notGood() {
        return failed + unverified;
    }
}
