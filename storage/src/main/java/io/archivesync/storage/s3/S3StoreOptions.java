package io.archivesync.storage.s3;

/**
 * How an {@link S3BlobStore} behaves where S3 leaves a choice, or where a server differs from S3.
 *
 * @param preconditionsByHead also check write preconditions with a HEAD just before the request that makes the object
 *                            visible, for servers that ignore {@code If-Match} / {@code If-None-Match} on writes (S3
 *                            checks them atomically itself: false there)
 * @param singleCopyMax       the largest object copied by one CopyObject (S3 allows 5 GiB); larger ones in parts
 * @param copyPartBytes       the part size of a multipart copy (grown when an object would need more than 10,000)
 * @param copyPartsInFlight   UploadPartCopy requests in flight per multipart copy
 * @param listPageSize        objects per ListObjectsV2 page (S3 gives at most 1,000)
 */
public record S3StoreOptions(boolean preconditionsByHead, long singleCopyMax, long copyPartBytes,
                             int copyPartsInFlight, int listPageSize) {

    /** 5 GiB: the largest object one PutObject or CopyObject writes. */
    public static final long MAX_SINGLE_PART = 5L * 1024 * 1024 * 1024;

    /** For S3 itself. */
    public static final S3StoreOptions DEFAULTS = new S3StoreOptions(false, MAX_SINGLE_PART, 512L * 1024 * 1024, 4,
            1000);

    public S3StoreOptions {
        if (singleCopyMax < 1 || singleCopyMax > MAX_SINGLE_PART) {
            throw new IllegalArgumentException("singleCopyMax must be 1 byte to 5 GiB, not " + singleCopyMax);
        }
        if (copyPartBytes < 5L * 1024 * 1024 || copyPartBytes > MAX_SINGLE_PART) {
            throw new IllegalArgumentException("copyPartBytes must be 5 MiB to 5 GiB, not " + copyPartBytes);
        }
        if (copyPartsInFlight < 1 || listPageSize < 1 || listPageSize > 1000) {
            throw new IllegalArgumentException("copyPartsInFlight must be positive and listPageSize 1 to 1000");
        }
    }
}
