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
 * answered from the table, because nothing proves the copy current. {@code COPIED_UNVERIFIED} is not good: the copy
 * exists but nothing proved it right.
 *
 * <p>Such an unversioned request still profits from a good latest result that names the source's ETag: the batch
 * hands that ETag on ({@link #currentSourceEtag()}) and the copier copies only if the source no longer has it.
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

    /**
     * The source ETag the destination's latest good copy was made from, when this request carries no version
     * (neither ETag nor SHA-256) and that copy came from the same source URI; null otherwise. The copier makes the
     * copy conditional on the source no longer having it, so an unchanged object costs one request and no bytes.
     */
    public String currentSourceEtag() {
        FileSyncRequest r = request();
        if (r.getExpectedEtag() != null || r.getExpectedSha256() != null || latest == null
                || !isGood(latest.getOutcome()) || latest.getSourceEtag() == null
                || !Objects.equals(latest.getSourceUri(), r.getSource().getUri())) {
            return null;
        }
        return latest.getSourceEtag();
    }

    /** Whether the outcome means the destination holds a good copy of what its request named. */
    public static boolean isGood(CopyOutcome outcome) {
        return outcome == CopyOutcome.COPIED || outcome == CopyOutcome.SKIPPED_CURRENT;
    }
}
