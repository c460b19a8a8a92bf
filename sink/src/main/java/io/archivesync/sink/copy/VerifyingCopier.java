package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Checks a copy's SHA-256 against the published one: the request's {@code expectedSha256}, else the source's
 * {@code .CHECKSUM} sidecar (read while the copy runs). The copy's own SHA-256 comes, in order of preference, from a
 * checksum the storage computed, a hash taken while streaming, or one read of the destination; the result says which.
 * A mismatching copy is never left as if good: it is moved under the quarantine prefix, or deleted, and the result
 * is FAILED_CHECKSUM. A missing sidecar is reported on the result, not hidden.
 */
public final class VerifyingCopier implements Copier {

    private static final Logger LOGGER = LoggerFactory.getLogger(VerifyingCopier.class);

    private final Copier inner;
    private final ChecksumSidecar sidecars;
    private final S3AsyncClient destination;
    private final Quarantine quarantine;

    VerifyingCopier(Copier inner, ChecksumSidecar sidecars, S3AsyncClient destination, Quarantine quarantine) {
        this.inner = inner;
        this.sidecars = sidecars;
        this.destination = destination;
        this.quarantine = quarantine;
    }

    @Override
    public CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        long started = System.nanoTime();
        boolean given = Hex.isSha256Hex(request.getExpectedSha256());
        if (!given && !ChecksumSidecar.hasSidecar(request)) {
            return inner.copy(request, batchId);
        }
        CompletableFuture<Optional<String>> expected = given
                ? CompletableFuture.completedFuture(Optional.of(request.getExpectedSha256().toLowerCase()))
                : sidecars.read(request);
        int sidecarRequests = given ? 0 : 1;
        return inner.copy(request, batchId).thenCompose(copied -> {
            if (copied.getOutcome() != CopyOutcome.COPIED) {
                return CompletableFuture.completedFuture(Results.plus(copied, sidecarRequests, started));
            }
            return expected.handle((sha, error) -> {
                if (error != null || sha.isEmpty()) {
                    String why = error != null ? StorageErrors.unwrap(error).getMessage()
                            : "no published checksum: " + request.getSource().getUri() + ChecksumSidecar.SUFFIX
                            + " does not exist";
                    return CompletableFuture.completedFuture(CopyResult.newBuilder(
                                    Results.plus(copied, sidecarRequests, started))
                            .setErrorClass("ChecksumUnavailable").setErrorMessage("SHA-256 not verified: " + why)
                            .build());
                }
                return check(request, copied, sha.get(), sidecarRequests, started);
            }).thenCompose(f -> f);
        });
    }

    private CompletableFuture<CopyResult> check(FileSyncRequest request, CopyResult copied, String expected,
                                                int extraRequests, long started) {
        String bucket = request.getDestination().getBucket();
        String key = request.getDestination().getKey();
        CompletableFuture<DestinationDigest.Digest> actual;
        VerificationMethod method;
        int reads;
        if (copied.getDestinationSha256() != null) {
            actual = CompletableFuture.completedFuture(new DestinationDigest.Digest(copied.getDestinationSha256(), 0));
            method = copied.getDestinationSha256Source();
            reads = 0;
        } else {
            actual = DestinationDigest.read(destination, bucket, key);
            method = VerificationMethod.DESTINATION_READ;
            reads = 1;
        }
        return actual.thenCompose(digest -> {
            CopyResult.Builder b = CopyResult.newBuilder(Results.plus(copied, extraRequests + reads, started))
                    .setDestinationSha256(digest.sha256())
                    .setDestinationSha256Source(method)
                    .setBytesReadForVerification(digest.bytesRead())
                    .setVerification(Results.verification(method, expected.equals(digest.sha256()), expected,
                            digest.sha256()));
            if (expected.equals(digest.sha256())) {
                return CompletableFuture.completedFuture(b.build());
            }
            LOGGER.warn("checksum mismatch destination={}/{} expected={} actual={} method={}", bucket, key, expected,
                    digest.sha256(), method);
            AtomicInteger requests = new AtomicInteger();
            return quarantine.remove(bucket, key, requests).handle((where, error) -> b
                    .setOutcome(CopyOutcome.FAILED_CHECKSUM)
                    .setStorageRequests(b.getStorageRequests() + requests.get())
                    .setErrorClass("ChecksumMismatch")
                    .setErrorMessage("SHA-256 " + digest.sha256() + " (" + method + ") differs from the published "
                            + expected + "; " + (error == null ? where
                            : "removing the bad copy FAILED, it is still at " + bucket + "/" + key + ": "
                            + StorageErrors.unwrap(error).getMessage()))
                    .build());
        }).exceptionally(error -> {
            StorageErrors.Classified c = StorageErrors.classify(error, "verification read of " + bucket + "/" + key);
            return CopyResult.newBuilder(Results.plus(copied, extraRequests + reads, started))
                    .setErrorClass("ChecksumUnavailable").setErrorMessage("SHA-256 not verified: " + c.message())
                    .build();
        });
    }
}
