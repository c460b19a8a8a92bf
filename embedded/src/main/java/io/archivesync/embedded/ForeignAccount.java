package io.archivesync.embedded;

import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.BlobStoreLocator;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A second account on the embedded S3: it owns the buckets whose names start with {@code bucketPrefix}, and the
 * server's own identity cannot address them, not even as the source of a CopyObject, which S3Proxy then refuses with
 * a real 403 AccessDenied, as S3 does when a bucket policy shuts another account out. Anonymous callers read whatever
 * the owner made public-read. Used to test the copier's fallback from a refused server-side copy to streaming.
 *
 * @param accessKey    the foreign account's access key
 * @param secretKey    its secret
 * @param bucketPrefix the names of the buckets it owns start with this
 */
public record ForeignAccount(String accessKey, String secretKey, String bucketPrefix) {

    public ForeignAccount {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()
                || bucketPrefix == null || bucketPrefix.isBlank()) {
            throw new IllegalArgumentException("a foreign account needs an access key, a secret and a bucket prefix");
        }
    }

    /** {@code someone-else} owning the buckets named {@code foreign-*}. */
    public static ForeignAccount defaults() {
        return new ForeignAccount("someone-else", "someone-else-secret", "foreign-");
    }

    /** Grants each identity its own buckets (a request naming no bucket, such as ListBuckets, to both). */
    BlobStoreLocator locator(String ownAccessKey, String ownSecretKey, BlobStore store) {
        return (identity, container, blob) -> {
            boolean foreign = container != null && container.startsWith(bucketPrefix);
            if (ownAccessKey.equals(identity)) {
                return foreign ? null : new AccessGrant(ownSecretKey, store);
            }
            if (accessKey.equals(identity)) {
                return container == null || foreign ? new AccessGrant(secretKey, store) : null;
            }
            return null;
        };
    }

    /** Masks the secret. */
    @Override
    public String toString() {
        return "ForeignAccount[accessKey=" + accessKey + ", secretKey=****, bucketPrefix=" + bucketPrefix + "]";
    }
}
