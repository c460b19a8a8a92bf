package io.archivesync.processor.mirrored;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.processor.validate.ValidatedRequest;
import java.util.Objects;

/**
 * A request next to the latest result for its destination, and the verdict: is this very source version already
 * mirrored? Only a good result (COPIED or SKIPPED_CURRENT) of the same source URI with the same ETag (or, when the
 * request has no ETag, the same SHA-256 as the one verified) counts; a request carrying no version is never
 * answered from the table, because nothing proves the copy current.
 *
 * @param accepted the request, parsed, with the bytes it arrived as (batched as they are, never re-encoded)
 * @param latest   the latest result for its destination, or null
 */
public record MirrorCheck(ValidatedRequest accepted, CopyResult latest) {

    public static MirrorCheck of(ValidatedRequest accepted, CopyResult latest) {
        return new MirrorCheck(accepted, latest);
    }

    public FileSyncRequest request() {
        return accepted.request();
    }

    public boolean alreadyMirrored() {
        if (latest == null || !isGood(latest.getOutcome())
                || !Objects.equals(latest.getSourceUri(), request().getSource().getUri())) {
            return false;
        }
        if (request().getExpectedEtag() != null) {
            return request().getExpectedEtag().equals(latest.getSourceEtag());
        }
        if (request().getExpectedSha256() != null && latest.getVerification() != null) {
            return latest.getVerification().getVerified()
                    && request().getExpectedSha256().equalsIgnoreCase(latest.getVerification().getActual());
        }
        return false;
    }

    private static boolean isGood(CopyOutcome outcome) {
        return outcome == CopyOutcome.COPIED || outcome == CopyOutcome.SKIPPED_CURRENT;
    }
}
