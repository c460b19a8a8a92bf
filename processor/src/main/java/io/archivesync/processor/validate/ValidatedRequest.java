package io.archivesync.processor.validate;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.OperationMode;
import io.archivesync.core.mode.CopyModes;
import java.util.Locale;

/**
 * A request after validation: either the parsed request with the bytes it arrived as (carried on to the batch store,
 * so nothing is re-encoded), or the original bytes with the reason it was refused. It never crosses a topic (the
 * repartition topic carries the raw bytes), so it needs no serde.
 *
 * <p>An accepted request is normalised here, on the parsed object: an upper-case {@code expectedSha256} becomes lower
 * case, so that dedup, the mirror check and the copier's checksum comparison all see the form the contract names. The
 * raw bytes are left as they arrived: they only serve to cross the repartition topic and to restore open batches,
 * and both paths parse them again through {@link #valid} or {@link #normalise}; a batch is encoded from the parsed
 * requests, so it carries the normalised value without re-encoding anything here.
 *
 * @param request the parsed request, null when refused
 * @param raw     the bytes as they arrived
 * @param reason  why it was refused, null when accepted
 * @param kind    {@code DESERIALIZATION} or {@code VALIDATION}, null when accepted
 * @param mode    the mode the request names, read once here; null when it names none (the copier's {@code sink.mode})
 */
public record ValidatedRequest(FileSyncRequest request, byte[] raw, String reason, String kind, OperationMode mode) {

    /**
     * An accepted request, {@linkplain #normalise normalised}, with its mode read.
     *
     * @throws IllegalArgumentException when it names an unknown mode (the validator refuses those first)
     */
    public static ValidatedRequest valid(FileSyncRequest request, byte[] raw) {
        return new ValidatedRequest(normalise(request), raw, null, null, CopyModes.requested(request.getMode()));
    }

    /** Puts the fields the contract accepts in several spellings into their one form (in place); returns it. */
    public static FileSyncRequest normalise(FileSyncRequest request) {
        String sha256 = request.getExpectedSha256();
        if (sha256 != null) {
            String lower = sha256.toLowerCase(Locale.ROOT);
            if (!lower.equals(sha256)) {
                request.setExpectedSha256(lower);
            }
        }
        return request;
    }

    public static ValidatedRequest invalid(byte[] raw, String kind, String reason) {
        return new ValidatedRequest(null, raw, reason, kind, null);
    }

    public boolean isValid() {
        return request != null;
    }
}
