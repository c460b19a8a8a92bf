package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.core.s3.ETags;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * An S3 object being written. One request (PutObject) when the object fits in its first part: the size was given and
 * the first part holds it, or the first part is shorter than S3's smallest part (so it is the last) and is held until
 * {@link #complete}. Otherwise a multipart upload: each part is sent as it comes, and CompleteMultipartUpload makes
 * the object visible. The precondition goes on the request that makes it visible ({@link S3Requests}).
 *
 * <p>A SHA-256 given in the options is checked by S3 on PutObject ({@code x-amz-checksum-sha256}); a multipart
 * upload's checksum would be COMPOSITE (of parts), so it is computed here while parts pass (and, in a resumed write,
 * while the parts S3 already holds are {@link #replay replayed}) and compared before completing: a mismatch aborts
 * the upload with {@code CHECKSUM}. A caller that hashes the content itself ({@link #callerHashes}) gives its SHA-256
 * to {@link #complete(Checksums)} instead, and the same comparison is made with it: the check then rests on the
 * caller's word that it hashed exactly the bytes it replayed and sent, which a streamed transfer does.
 *
 * <p>A failed UploadPart leaves the upload as it is, for the caller to abort ({@link #close}) or to resume later
 * from the parts S3 holds ({@link #resumed}: ListParts, then the numbering goes on after the last part). The parts'
 * ETags are not compared with the replayed bytes: under SSE-KMS or SSE-C they are not MD5s, and ListParts does not
 * say which; the upload id is this write's alone, and the caller pins the source to the version it had.
 */
final class S3BlobWrite implements BlobWrite {

    private static final Logger LOGGER = LoggerFactory.getLogger(S3BlobWrite.class);
    /** S3's smallest part but the last. */
    static final int MIN_PART = 5 * 1024 * 1024;

    private enum State { OPEN, COMPLETED, ABORTED }

    private final S3Client s3;
    private final BlobRef ref;
    private final WriteOptions options;
    private final S3Requests requests;
    private Sha256 digest;
    private boolean callerHashes;
    private int requestsMade;
    private final List<CompletedPart> parts = new ArrayList<>();
    private State state = State.OPEN;
    private String uploadId;
    private byte[] held;
    private BlobInfo written;
    private long size;

    S3BlobWrite(S3Client s3, BlobRef ref, WriteOptions options, S3Requests requests) {
        this.s3 = s3;
        this.ref = ref;
        this.options = options;
        this.requests = requests;
        this.digest = options.sha256() == null ? null : new Sha256();
    }

    /** A write that goes on with upload {@code uploadId}, after the parts S3 already holds. */
    static S3BlobWrite resumed(S3Client s3, BlobRef ref, WriteOptions options, S3Requests requests, String uploadId,
                               S3UploadedParts uploaded) {
        S3BlobWrite write = new S3BlobWrite(s3, ref, options, requests);
        write.uploadId = uploadId;
        write.parts.addAll(uploaded.parts());
        write.size = uploaded.bytes();
        write.requestsMade = uploaded.requests();
        if (!uploaded.parts().isEmpty()) {
            LOGGER.info("multipart upload resumed ref={} uploadId={} parts={} bytes={}", ref, uploadId,
                    uploaded.parts().size(), uploaded.bytes());
        }
        return write;
    }

    @Override
    public String id() {
        return uploadId == null ? "" : uploadId;
    }

    @Override
    public long committedBytes() {
        return uploadId == null ? 0 : size;
    }

    @Override
    public int requests() {
        return requestsMade;
    }

    @Override
    public void callerHashes() {
        callerHashes = true;
        digest = null;
    }

    @Override
    public void replay(byte[] buffer, int length) {
        if (digest != null) {
            digest.update(buffer, length);
        }
    }

    @Override
    public void part(byte[] buffer, int length) {
        if (state != State.OPEN || written != null) {
            throw new IllegalStateException("the write of " + ref + " is " + (written != null ? "complete" : state));
        }
        if (held != null) {
            abort();
            throw new StorageException(ErrorKind.INVALID, "EntityTooSmall", -1, "writing " + ref + ": a part of "
                    + held.length + " bytes, less than S3's 5 MiB, was not the last", null);
        }
        if (uploadId == null && parts.isEmpty()) {
            if (options.size() >= 0 && options.size() <= length) {
                written = put(buffer, length);
                return;
            }
            if (length < MIN_PART) {
                held = Arrays.copyOf(buffer, length);
                return;
            }
            requestsMade++;
            uploadId = requests.createUpload(ref, options);
            LOGGER.debug("multipart upload started ref={} uploadId={}", ref, uploadId);
        }
        uploadPart(buffer, length);
    }

    @Override
    public BlobInfo complete() {
        return complete(Checksums.NONE);
    }

    @Override
    public BlobInfo complete(Checksums known) {
        if (state != State.OPEN) {
            throw new IllegalStateException("the write of " + ref + " is " + state);
        }
        if (written == null) {
            written = uploadId == null ? put(held == null ? new byte[0] : held, held == null ? 0 : held.length)
                    : completeUpload(known);
        }
        held = null;
        state = State.COMPLETED;
        return written;
    }

    @Override
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        held = null;
        if (uploadId != null) {
            requestsMade++;
            try {
                s3.abortMultipartUpload(b -> b.bucket(ref.container()).key(ref.key()).uploadId(uploadId));
                LOGGER.info("multipart upload aborted ref={} uploadId={}", ref, uploadId);
            } catch (NoSuchUploadException e) {
                LOGGER.debug("multipart upload already gone ref={} uploadId={}", ref, uploadId);
            } catch (RuntimeException e) {
                LOGGER.error("could not abort multipart upload ref={} uploadId={} error={}", ref, uploadId,
                        e.toString());
            }
        }
    }

    @Override
    public void close() {
        abort();
    }

    private BlobInfo put(byte[] buffer, int length) {
        try {
            requestsMade += requests.checkBeforeWriting(ref, options.precondition());
            requestsMade++;
            PutObjectResponse r = s3.putObject(requests.put(ref, options), body(buffer, length, options.contentType()));
            size = length;
            return info(r.eTag(), S3Objects.checksums(r.eTag(), r.checksumSHA256(), r.checksumTypeAsString(),
                    r.serverSideEncryption(), r.sseCustomerAlgorithm()));
        } catch (RuntimeException e) {
            state = State.ABORTED;
            throw requests.failed(e, "PutObject " + ref, options);
        }
    }

    private void uploadPart(byte[] buffer, int length) {
        int number = parts.size() + 1;
        requestsMade++;
        try {
            String etag = s3.uploadPart(b -> b.bucket(ref.container()).key(ref.key()).uploadId(uploadId)
                    .partNumber(number).contentLength((long) length), body(buffer, length, null)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        } catch (RuntimeException e) {
            throw S3Errors.classify(e, "UploadPart " + number + " of " + ref);
        }
        if (digest != null) {
            digest.update(buffer, length);
        }
        size += length;
    }

    /** Checks the SHA-256 (this write's own digest, else the caller's) and completes the multipart upload. */
    private BlobInfo completeUpload(Checksums known) {
        String sha256 = digest != null ? digest.hex() : callerHashes && options.sha256() != null ? known.sha256()
                : null;
        if (digest != null && known.sha256() != null && !known.sha256().equals(sha256)) {
            abort();
            throw new StorageException(ErrorKind.CHECKSUM, "BadDigest", -1, "writing " + ref + ": the content's "
                    + "SHA-256 is " + sha256 + ", not the " + known.sha256() + " its writer computed", null);
        }
        if (options.sha256() != null) {
            if (sha256 == null) {
                abort();
                throw new IllegalStateException("the write of " + ref + " was told the caller hashes the content,"
                        + " which gave no SHA-256 to check against " + options.sha256());
            }
            if (!sha256.equalsIgnoreCase(options.sha256())) {
                abort();
                throw new StorageException(ErrorKind.CHECKSUM, "BadDigest", -1, "writing " + ref + ": the content's "
                        + "SHA-256 is " + sha256 + ", not the expected " + options.sha256(), null);
            }
        }
        try {
            requestsMade += requests.checkBeforeWriting(ref, options.precondition());
            requestsMade++;
            String etag = s3.completeMultipartUpload(requests.complete(ref, options.precondition(), uploadId, parts))
                    .eTag();
            return info(etag, new Checksums(null, null, sha256));
        } catch (RuntimeException e) {
            StorageException failure = requests.failed(e, "CompleteMultipartUpload " + ref, options);
            abort();
            throw failure;
        }
    }

    private BlobInfo info(String etag, Checksums checksums) {
        return new BlobInfo(ref, size, ETags.unquote(etag), checksums, options.contentType(),
                requests.metadata(options), null, options.storageClass());
    }

    /** A body over the caller's buffer, not a copy: each attempt of the SDK reads it afresh. */
    private static RequestBody body(byte[] buffer, int length, String contentType) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                contentType == null ? "application/octet-stream" : contentType);
    }
}
