package io.archivesync.processor.validate;

import io.archivesync.avro.FileSyncRequest;

/**
 * A request after validation: either the parsed request with the bytes it arrived as (carried on to the batch store,
 * so nothing is re-encoded), or the original bytes with the reason it was refused. It never crosses a topic (the
 * repartition topic carries the raw bytes), so it needs no serde.
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
