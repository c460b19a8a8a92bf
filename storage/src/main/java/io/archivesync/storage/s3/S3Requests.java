package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.core.s3.ETags;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The write requests of one store, with what they carry: content type, user metadata (and the modification time as
 * {@value S3Objects#MTIME_METADATA}), storage class, SHA-256, and the precondition as {@code If-Match} /
 * {@code If-None-Match: *} on the request that makes the object visible (PutObject, CompleteMultipartUpload), which
 * S3 checks atomically.
 *
 * <p>With {@code preconditionsByHead} (for a server that ignores those headers) the precondition is also checked by
 * a HEAD just before that request: a race in between is then not caught. Off for S3 itself.
 */
final class S3Requests {

    private final S3Client s3;
    private final boolean preconditionsByHead;

    S3Requests(S3Client s3, boolean preconditionsByHead) {
        this.s3 = s3;
        this.preconditionsByHead = preconditionsByHead;
    }

    Map<String, String> metadata(WriteOptions options) {
        if (options.modified() == null) {
            return options.metadata();
        }
        Map<String, String> m = new HashMap<>(options.metadata());
        m.putIfAbsent(S3Objects.MTIME_METADATA, options.modified().toString());
        return m;
    }

    PutObjectRequest put(BlobRef ref, WriteOptions options) {
        return PutObjectRequest.builder().bucket(ref.container()).key(ref.key())
                .contentType(options.contentType()).metadata(metadata(options)).storageClass(options.storageClass())
                .checksumSHA256(S3Objects.base64(options.sha256()))
                .ifMatch(ifMatch(options.precondition())).ifNoneMatch(ifNoneMatch(options.precondition())).build();
    }

    String createUpload(BlobRef ref, WriteOptions options) {
        try {
            return s3.createMultipartUpload(b -> b.bucket(ref.container()).key(ref.key())
                    .contentType(options.contentType()).metadata(metadata(options))
                    .storageClass(options.storageClass())).uploadId();
        } catch (RuntimeException e) {
            throw S3Errors.classify(e, "CreateMultipartUpload " + ref);
        }
    }

    CompleteMultipartUploadRequest complete(BlobRef ref, Precondition precondition, String uploadId,
                                            List<CompletedPart> parts) {
        return CompleteMultipartUploadRequest.builder().bucket(ref.container()).key(ref.key()).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))
                .ifMatch(ifMatch(precondition)).ifNoneMatch(ifNoneMatch(precondition)).build();
    }

    boolean preconditionsByHead() {
        return preconditionsByHead;
    }

    /**
     * The emulator's stand-in for conditional writes (see the class comment); nothing on S3 itself.
     *
     * @return the requests it made: 1 (the HEAD) or 0
     */
    int checkBeforeWriting(BlobRef ref, Precondition precondition) {
        if (!preconditionsByHead || precondition.equals(Precondition.NONE)) {
            return 0;
        }
        String current;
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(ref.container()).key(ref.key()));
            current = ETags.unquote(head.eTag());
        } catch (NoSuchKeyException e) {
            current = null;
        } catch (RuntimeException e) {
            throw S3Errors.classify(e, "HeadObject " + ref);
        }
        check(ref, precondition, current);
        return 1;
    }

    /** Throws {@code PRECONDITION} unless the object's current version (null: absent) satisfies it. */
    static void check(BlobRef ref, Precondition precondition, String current) {
        boolean holds = precondition.absent() ? current == null
                : precondition.ifVersion() == null || precondition.ifVersion().equals(current);
        if (!holds) {
            throw new StorageException(ErrorKind.PRECONDITION, "PreconditionFailed", 412, ref + ": the object "
                    + (current == null ? "is gone" : "has version " + current) + ", not "
                    + (precondition.absent() ? "absent" : "version " + precondition.ifVersion()), null);
        }
    }

    /**
     * A failed write, classified; two answers are the request's own doing: BadDigest when the content does not have
     * the SHA-256 we sent ({@code CHECKSUM}), and NoSuchKey when the version an If-Match named is gone
     * ({@code PRECONDITION}: the object is no longer the one the decision saw).
     */
    StorageException failed(Throwable error, String what, WriteOptions options) {
        Throwable e = S3Errors.unwrap(error);
        if (e instanceof S3Exception s3e) {
            String code = S3Errors.code(s3e);
            if (options.sha256() != null && ("BadDigest".equals(code) || "XAmzContentChecksumMismatch".equals(code))) {
                return new StorageException(ErrorKind.CHECKSUM, code, s3e.statusCode(), what
                        + ": the content does not have the expected SHA-256 " + options.sha256(), s3e);
            }
            if (options.precondition().ifVersion() != null && "NoSuchKey".equals(code)) {
                return new StorageException(ErrorKind.PRECONDITION, code, s3e.statusCode(), what + ": the object of "
                        + "version " + options.precondition().ifVersion() + " is gone", s3e);
            }
        }
        return S3Errors.classify(e, what);
    }

    static String ifMatch(Precondition precondition) {
        return ETags.quote(precondition.ifVersion());
    }

    static String ifNoneMatch(Precondition precondition) {
        return precondition.absent() ? "*" : null;
    }
}
