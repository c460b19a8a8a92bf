package io.archivesync.sink.copy.ratelimit;

import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Request;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * The bucket and key a storage request is addressed to, which a prefix rule matches: the destination of a copy (a
 * server-side copy's source travels in a header), the key of an object request, the prefix of a listing.
 *
 * @param bucket the bucket, or "" for account-level requests
 * @param key    the key or listing prefix, or ""
 */
record RequestTarget(String bucket, String key) {

    static RequestTarget of(S3Request request) {
        if (request instanceof CopyObjectRequest copy) {
            return new RequestTarget(copy.destinationBucket(), copy.destinationKey());
        }
        if (request instanceof UploadPartCopyRequest part) {
            return new RequestTarget(part.destinationBucket(), part.destinationKey());
        }
        String bucket = request.getValueForField("Bucket", String.class).orElse("");
        String key = request.getValueForField("Key", String.class)
                .or(() -> request.getValueForField("Prefix", String.class)).orElse("");
        return new RequestTarget(bucket, key);
    }
}
