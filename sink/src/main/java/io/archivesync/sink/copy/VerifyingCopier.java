package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.log.LogSafe;
import io.archivesync.schemas.key.RecordKey;
import java.util.Locale;
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
 * is FAILED_CHECKSUM. A copy whose published checksum cannot be had (no sidecar, an unreadable or garbage one) ends
 * COPIED_UNVERIFIED: copied, but never shown as verified.
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

    /** Whether a copy of this request will be checked against a published SHA-256. */
    static boolean willVerify(FileSyncRequest request) {
        return Hex.isSha256Hex(request.getExpectedSha256()) || ChecksumSidecar.hasSidecar(request);
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        boolean given = Hex.isSha256Hex(request.getExpectedSha256());
        if (!willVerify(request)) {
            return inner.copy(task);
        }
        // The sidecar is read while the copy runs, so verifying adds no latency; but when the results table says
        // the source is most likely unchanged (a conditional copy), it is read only if something was copied, so an
        // unchanged object costs its one request and no more.
        boolean lazy = !given && task.currentSourceEtag() != null;
        CompletableFuture<Optional<String>> eager = given
                ? CompletableFuture.completedFuture(Optional.of(request.getExpectedSha256().toLowerCase(Locale.ROOT)))
                : lazy ? null : sidecars.read(request);
        return inner.copy(task).thenCompose(copied -> {
            int sidecarRequests = given || (lazy && copied.getOutcome() != CopyOutcome.COPIED) ? 0 : 1;
            if (copied.getOutcome() != CopyOutcome.COPIED) {
                return CompletableFuture.completedFuture(Results.plus(copied, sidecarRequests, started));
            }
            CompletableFuture<Optional<String>> expected = eager != null ? eager : sidecars.read(request);
            return expected.handle((sha, error) -> {
                if (error != null || sha.isEmpty()) {
                    String why = error != null ? StorageErrors.unwrap(error).getMessage()
                            : "no published checksum: " + request.getSource().getUri() + ChecksumSidecar.SUFFIX
                            + " does not exist";
                    return CompletableFuture.completedFuture(unverified(Results.plus(copied, sidecarRequests,
                            started), why));
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
            LOGGER.warn("checksum mismatch destination={} expected={} actual={} method={}",
                    LogSafe.escape(RecordKey.of(bucket, key)), expected, digest.sha256(), method);
            AtomicInteger requests = new AtomicInteger();
            return quarantine.remove(bucket, key, copied.getBytes(), requests).handle((where, error) -> b
                    .setOutcome(CopyOutcome.FAILED_CHECKSUM)
                    .setErrorKind(ErrorKind.CHECKSUM)
                    .setStorageRequests(b.getStorageRequests() + requests.get())
                    .setErrorClass("ChecksumMismatch")
                    .setErrorMessage("SHA-256 " + digest.sha256() + " (" + method + ") differs from the published "
                            + expected + "; " + (error == null ? where
                            : "removing the bad copy FAILED, it is still at " + bucket + "/" + key + ": "
                            + StorageErrors.unwrap(error).getMessage()))
                    .build());
        }).exceptionally(error -> {
            StorageErrors.Classified c = StorageErrors.classify(error, "verification read of " + bucket + "/" + key);
            return unverified(Results.plus(copied, extraRequests + reads, started), c.message());
        });
    }

    /** Copied, but nothing proves it good: a state of its own, counted apart and never shown as verified. */
    private static CopyResult unverified(CopyResult copied, String why) {
        return CopyResult.newBuilder(copied)
                .setOutcome(CopyOutcome.COPIED_UNVERIFIED)
                .setErrorKind(ErrorKind.CHECKSUM)
                .setErrorClass("ChecksumUnavailable")
                .setErrorMessage("SHA-256 not verified: " + why)
                .setVerification(Results.verification(VerificationMethod.NONE, false, null,
                        copied.getDestinationSha256()))
                .build();
    }
}
