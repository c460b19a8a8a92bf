package io.archivesync.core.config;

/**
 * When the copier treats a destination object as already current and skips the copy (one HEAD of the destination).
 * A criterion that needs a value the request does not carry (no expected size, ETag or SHA-256) never skips: the
 * object is copied again rather than wrongly kept.
 */
public enum SkipCriterion {
    /** Same size: cheapest, but misses a replaced file of equal length. */
    SIZE,
    /**
     * Same size and same ETag (the destination's own ETag, or the source ETag the copier recorded in the destination's
     * metadata when a multipart copy gave it a composite one). The default: it notices Binance's replaced files.
     */
    SIZE_AND_ETAG,
    /** Same SHA-256, from the destination's stored checksum or recorded metadata, against the request's SHA-256. */
    SHA256,
    /** Never skip: copy every request. */
    ALWAYS_COPY
}
