package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.core.s3.ETags;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A copy within one S3 endpoint (same bucket or another), no byte through us: CopyObject up to
 * {@code singleCopyMax} (S3's limit is 5 GiB), {@link S3MultipartCopy} above. The source is read first (HEAD) and the
 * copy is conditional on the version seen, so a source replaced meanwhile fails with {@code PRECONDITION} rather than
 * mixing two versions' parts. The content type and metadata are the source's, or the options' when they give any.
 */
final class S3Copy {

    private final S3AsyncClient s3;
    private final S3Requests requests;
    private final long singleCopyMax;
    private final S3MultipartCopy multipart;

    S3Copy(S3AsyncClient s3, S3Requests requests, long singleCopyMax, long partBytes, int partsInFlight) {
        this.s3 = s3;
        this.requests = requests;
        this.singleCopyMax = singleCopyMax;
        this.multipart = new S3MultipartCopy(s3, partBytes, partsInFlight);
    }

    CompletableFuture<BlobInfo> copy(BlobRef source, BlobRef destination, WriteOptions options) {
        String what = "copy " + source + " to " + destination;
        return s3.headObject(b -> b.bucket(source.container()).key(source.key()))
                .exceptionally(e -> {
                    throw S3Errors.classify(e, "HeadObject " + source);
                })
                .thenCompose(head -> checkDestination(destination, options).thenApply(ignored -> head))
                .thenCompose(head -> {
                    BlobInfo from = S3Objects.fromHead(source, head);
                    if (options.sha256() != null && from.checksums().sha256() != null
                            && !from.checksums().sha256().equalsIgnoreCase(options.sha256())) {
                        throw new StorageException(ErrorKind.CHECKSUM, "BadDigest", -1, what + ": the source's "
                                + "SHA-256 is " + from.checksums().sha256() + ", not " + options.sha256(), null);
                    }
                    if (head.contentLength() <= singleCopyMax) {
                        return single(source, head, destination, options);
                    }
                    // UploadPartCopy copies bytes only: the content type and metadata go on the new upload
                    String contentType = replaces(options) && options.contentType() != null ? options.contentType()
                            : head.contentType();
                    Map<String, String> metadata = replaces(options) ? requests.metadata(options) : head.metadata();
                    return multipart.copy(source, from, destination, options, contentType, metadata);
                })
                .exceptionally(e -> {
                    throw requests.failed(e, what, options);
                });
    }

    private CompletableFuture<BlobInfo> single(BlobRef source, HeadObjectResponse head, BlobRef destination,
                                               WriteOptions options) {
        boolean replace = replaces(options);
        return s3.copyObject(b -> b.sourceBucket(source.container()).sourceKey(source.key())
                        .copySourceIfMatch(ETags.quote(head.eTag()))
                        .destinationBucket(destination.container()).destinationKey(destination.key())
                        .metadataDirective(replace ? MetadataDirective.REPLACE : MetadataDirective.COPY)
                        .contentType(replace ? (options.contentType() != null ? options.contentType()
                                : head.contentType()) : null)
                        .metadata(replace ? requests.metadata(options) : null)
                        .storageClass(options.storageClass())
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .ifMatch(S3Requests.ifMatch(options.precondition()))
                        .ifNoneMatch(S3Requests.ifNoneMatch(options.precondition())))
                .thenApply(r -> info(source, head, destination, options, r));
    }

    private BlobInfo info(BlobRef source, HeadObjectResponse head, BlobRef destination, WriteOptions options,
                          CopyObjectResponse r) {
        BlobInfo from = S3Objects.fromHead(source, head);
        String etag = r.copyObjectResult().eTag();
        Checksums own = S3Objects.checksums(etag, r.copyObjectResult().checksumSHA256(),
                r.copyObjectResult().checksumTypeAsString(), r.serverSideEncryption(), r.sseCustomerAlgorithm());
        // the same bytes: a SHA-256 the source has is the copy's, whether or not the server computed one
        Checksums checksums = new Checksums(own.md5(), null, own.sha256() != null ? own.sha256()
                : from.checksums().sha256());
        boolean replace = replaces(options);
        return new BlobInfo(destination, from.size(), ETags.unquote(etag), checksums,
                replace && options.contentType() != null ? options.contentType() : from.contentType(),
                replace ? requests.metadata(options) : from.metadata(), r.copyObjectResult().lastModified(),
                options.storageClass() != null ? options.storageClass() : from.storageClass());
    }

    /** Whether the options replace the source's content type and metadata. */
    static boolean replaces(WriteOptions options) {
        return options.contentType() != null || !options.metadata().isEmpty() || options.modified() != null;
    }

    /** The emulator's stand-in for conditional copies ({@link S3Requests}); nothing on S3 itself. */
    private CompletableFuture<Void> checkDestination(BlobRef destination, WriteOptions options) {
        if (!requests.preconditionsByHead() || options.precondition().equals(Precondition.NONE)) {
            return CompletableFuture.completedFuture(null);
        }
        return s3.headObject(b -> b.bucket(destination.container()).key(destination.key()))
                .handle((head, e) -> {
                    if (e != null && !(S3Errors.unwrap(e) instanceof NoSuchKeyException)) {
                        throw S3Errors.classify(e, "HeadObject " + destination);
                    }
                    S3Requests.check(destination, options.precondition(), e == null ? ETags.unquote(head.eTag())
                            : null);
                    return null;
                });
    }
}
