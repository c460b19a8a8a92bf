package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.s3.S3Location;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;

/**
 * Copies with S3 CopyObject: the storage moves the bytes, none pass through us. When the request carries the
 * source's ETag, the copy is made only if the source still has it ({@code x-amz-copy-source-if-match}), and the
 * destination's ETag is compared with it afterwards; a mismatching copy is deleted, never left as if good.
 */
public final class ServerSideCopier implements Copier {

    private static final Logger LOGGER = LoggerFactory.getLogger(ServerSideCopier.class);

    private final S3AsyncClient s3;

    public ServerSideCopier(S3AsyncClient s3) {
        this.s3 = s3;
    }

    @Override
    public CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        long started = System.nanoTime();
        String uri = request.getSource().getUri();
        if (!S3Location.isS3(uri)) {
            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                    CopyOutcome.FAILED_OTHER, "UnsupportedSource",
                    "source " + uri + " is not in S3; server-side copy needs an s3:// source", 0));
        }
        S3Location source;
        try {
            source = S3Location.parse(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Results.failed(request, batchId, started,
                    CopyOutcome.FAILED_INVALID, "InvalidSource", e.getMessage(), 0));
        }
        String etag = unquote(request.getExpectedEtag());
        CopyObjectRequest copy = CopyObjectRequest.builder()
                .sourceBucket(source.bucket())
                .sourceKey(source.key())
                .destinationBucket(request.getDestination().getBucket())
                .destinationKey(request.getDestination().getKey())
                .copySourceIfMatch(etag == null ? null : "\"" + etag + "\"")
                .build();
        try {
            return s3.copyObject(copy)
                    .thenCompose(response -> verify(request, batchId, started, etag, response))
                    .exceptionally(error -> {
                        StorageErrors.Classified c = StorageErrors.classify(error, "copy of " + uri);
                        return Results.failed(request, batchId, started, c.outcome(), c.errorClass(), c.message(), 1);
                    });
        } catch (RuntimeException e) {
            StorageErrors.Classified c = StorageErrors.classify(e, "copy of " + uri);
            return CompletableFuture.completedFuture(
                    Results.failed(request, batchId, started, c.outcome(), c.errorClass(), c.message(), 0));
        }
    }

    private CompletableFuture<CopyResult> verify(FileSyncRequest request, String batchId, long started,
                                                 String expectedEtag, CopyObjectResponse response) {
        String actual = unquote(response.copyObjectResult().eTag());
        long size = request.getExpectedSize() == null ? 0 : request.getExpectedSize();
        boolean comparable = expectedEtag != null && !expectedEtag.contains("-");
        if (comparable && !expectedEtag.equals(actual)) {
            LOGGER.warn("copy mismatch, deleting destination={}/{} expectedEtag={} actualEtag={}",
                    request.getDestination().getBucket(), request.getDestination().getKey(), expectedEtag, actual);
            return s3.deleteObject(b -> b.bucket(request.getDestination().getBucket())
                            .key(request.getDestination().getKey()))
                    .handle((ignored, deleteError) -> Results.base(request, batchId, started)
                            .setOutcome(CopyOutcome.FAILED_CHECKSUM)
                            .setMethod(CopyMethod.SERVER_SIDE)
                            .setMethodReason("S3 source: server-side CopyObject")
                            .setStorageRequests(2)
                            .setVerification(Results.verification(VerificationMethod.ETAG, false, expectedEtag, actual))
                            .setErrorClass("ETagMismatch")
                            .setErrorMessage("destination ETag " + actual + " differs from the source's " + expectedEtag
                                    + (deleteError == null ? "; the bad copy was deleted"
                                    : "; deleting the bad copy failed: " + deleteError.getMessage()))
                            .build());
        }
        return CompletableFuture.completedFuture(Results.base(request, batchId, started)
                .setOutcome(CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE)
                .setMethodReason("S3 source: server-side CopyObject, no bytes through the copier")
                .setBytes(size)
                .setStorageRequests(1)
                .setVerification(comparable
                        ? Results.verification(VerificationMethod.ETAG, true, expectedEtag, actual)
                        : Results.verification(VerificationMethod.NONE, false, null, actual))
                .build());
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.strip();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
