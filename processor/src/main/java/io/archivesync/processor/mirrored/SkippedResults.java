package io.archivesync.processor.mirrored;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import java.time.Instant;

/** The result the topology writes by itself for a request whose source version is already mirrored. */
public final class SkippedResults {

    private SkippedResults() {
    }

    public static CopyResult of(MirrorCheck check, Instant now) {
        FileSyncRequest r = check.request();
        CopyResult latest = check.latest();
        return CopyResult.newBuilder()
                .setRequestId(r.getRequestId())
                .setBatchId(null)
                .setSourceUri(r.getSource().getUri())
                .setDestination(Destination.newBuilder(r.getDestination()).build())
                .setArchive(r.getArchive())
                .setOutcome(CopyOutcome.SKIPPED_CURRENT)
                .setMethod(CopyMethod.NONE)
                .setMethodReason("already mirrored: the latest result (" + latest.getOutcome() + ", request "
                        + latest.getRequestId() + ") has the same source version; answered by the processor"
                        + " without a storage call")
                .setBytes(r.getExpectedSize() == null ? latest.getBytes() : r.getExpectedSize())
                .setBytesThroughCopier(0)
                .setStorageRequests(0)
                .setAttempts(0)
                .setDurationMillis(0)
                .setSourceEtag(r.getExpectedEtag())
                .setSourceSize(r.getExpectedSize())
                .setVerification(latest.getVerification())
                .setCompletedAt(now)
                .build();
    }
}
