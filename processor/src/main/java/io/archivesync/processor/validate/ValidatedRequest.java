package io.archivesync.processor.validate;

import io.archivesync.avro.FileSyncRequest;

/**
 * A request after validation: either the parsed request, or the original bytes with the reason it was refused. Never
 * leaves the validation step's sub-topology, so it needs no serde.
 *
 * @param request the parsed request, null when refused
 * @param raw     the bytes as they arrived
 * @param reason  why it was refused, null when accepted
 * @param kind    {@code DESERIALIZATION} or {@code VALIDATION}, null when accepted
 */
public record ValidatedRequest(FileSyncRequest request, byte[] raw, String reason, String kind) {

    public static ValidatedRequest valid(FileSyncRequest request, byte[] raw) {
        return new ValidatedRequest(request, raw, null, null);
    }

    public static ValidatedRequest invalid(byte[] raw, String kind, String reason) {
        return new ValidatedRequest(null, raw, reason, kind);
    }

    public boolean isValid() {
        return request != null;
    }
}
