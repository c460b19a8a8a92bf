package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.config.SkipCriterion;
import io.archivesync.core.s3.ETags;
import io.archivesync.sink.copy.CopyTask.DestinationState;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Incremental mirroring: an object whose destination copy is already current is not copied again. A listing of the
 * destination's folder or one HEAD decides ({@code sink.skip}); a request without the values the criterion compares
 * never skips, so a changed source is always copied again (Binance replaces files after publication). What it learns
 * (the destination is there, or not) goes down with the task, so a replacement never destroys the copy it replaces.
 */
public final class SkippingCopier implements Copier {

    private final Copier inner;
    private final S3AsyncClient destination;
    private final SkipCriterion criterion;
    private final DestinationListing listing;

    /** @param listing the destination's listing, or null to decide with one HEAD per object */
    SkippingCopier(Copier inner, S3AsyncClient destination, SkipCriterion criterion, DestinationListing listing) {
        this.inner = inner;
        this.destination = destination;
        this.criterion = criterion;
        this.listing = listing;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        if (task.currentSourceEtag() != null) {
            // the results table knows a good copy is there: the conditional copy below decides in one request
            return inner.copy(task.withDestination(DestinationState.PRESENT));
        }
        if (!comparable(task.request())) {
            return inner.copy(task);
        }
        if (listing == null || criterion == SkipCriterion.SHA256) {
            return withHead(task, started, 0);
        }
        FileSyncRequest request = task.request();
        return listing.lookup(request.getDestination().getBucket(), request.getDestination().getKey())
                .handle((lookup, error) -> {
                    if (error != null) {
                        return withHead(task, started, 0);
                    }
                    if (!lookup.present()) {
                        return copyAgain(task.withDestination(DestinationState.ABSENT), started,
                                lookup.requestsIssued(), "destination absent from its listing");
                    }
                    String expected = ETags.unquote(request.getExpectedEtag());
                    boolean sameSize = lookup.size() == request.getExpectedSize();
                    if (sameSize && (criterion == SkipCriterion.SIZE || Objects.equals(expected, lookup.etag()))) {
                        return CompletableFuture.completedFuture(CopyResult.newBuilder(skipped(request,
                                        task.batchId(), started, lookup.size(), lookup.etag()))
                                .setStorageRequests(lookup.requestsIssued())
                                .setMethodReason("destination already current by " + criterion
                                        + " (from its listing); not copied")
                                .build());
                    }
                    if (!sameSize) {
                        return copyAgain(task.withDestination(DestinationState.PRESENT), started,
                                lookup.requestsIssued(), "listed destination size " + lookup.size()
                                        + " differs from the source's");
                    }
                    // same size, another ETag: only a HEAD shows the source ETag a copy recorded, the encryption
                    // that makes ETags incomparable, and the stored checksum
                    return withHead(task, started, lookup.requestsIssued());
                }).thenCompose(f -> f);
    }

    private CompletableFuture<CopyResult> copyAgain(CopyTask task, long started, int requests, String differs) {
        FileSyncRequest request = task.request();
        return inner.copy(task).whenComplete((r, e) -> {
            if (listing != null && r != null) {
                listing.update(request.getDestination().getBucket(), request.getDestination().getKey(),
                        Results.good(r), r.getBytes(), ETags.unquote(request.getExpectedEtag()));
            }
        }).thenApply(r -> CopyResult.newBuilder(Results.plus(r, requests, started))
                .setMethodReason("incremental check (" + criterion + "): " + differs + "; " + r.getMethodReason())
                .build());
    }

    private CompletableFuture<CopyResult> withHead(CopyTask task, long started, int requestsBefore) {
        FileSyncRequest request = task.request();
        return destination.headObject(b -> b.bucket(request.getDestination().getBucket())
                        .key(request.getDestination().getKey())
                        .checksumMode(ChecksumMode.ENABLED))
                .handle((response, error) -> {
                    if (error != null) {
                        StorageErrors.Classified c = StorageErrors.classify(error, "HEAD of the destination");
                        boolean absent = c.kind() == ErrorKind.NOT_FOUND;
                        return copyAgain(task.withDestination(absent ? DestinationState.ABSENT
                                        : DestinationState.UNKNOWN), started, requestsBefore + 1,
                                absent ? "destination absent" : "destination unreadable (" + c.errorClass() + ")");
                    }
                    String differs = differs(request, response);
                    if (differs == null) {
                        return CompletableFuture.completedFuture(skippedAfterHead(task, started, requestsBefore,
                                response));
                    }
                    return copyAgain(task.withDestination(DestinationState.PRESENT), started, requestsBefore + 1,
                            differs);
                }).thenCompose(f -> f);
    }

    private CopyResult skippedAfterHead(CopyTask task, long started, int requestsBefore, HeadObjectResponse head) {
        FileSyncRequest request = task.request();
        String etag = ETags.unquote(head.eTag());
        CopyResult.Builder b = CopyResult.newBuilder(skipped(request, task.batchId(), started, head.contentLength(),
                        etag))
                .setStorageRequests(requestsBefore + 1);
        String sha = Hex.base64ToHex(head.checksumSHA256());
        if (criterion == SkipCriterion.SHA256 || (sha != null && Hex.isSha256Hex(request.getExpectedSha256()))) {
            b.setVerification(Results.verification(VerificationMethod.STORAGE_CHECKSUM, true,
                    request.getExpectedSha256(), sha));
        }
        return b.build();
    }

    private boolean comparable(FileSyncRequest request) {
        return switch (criterion) {
            case ALWAYS_COPY -> false;
            case SIZE -> request.getExpectedSize() != null;
            case SIZE_AND_ETAG -> request.getExpectedSize() != null && request.getExpectedEtag() != null;
            case SHA256 -> Hex.isSha256Hex(request.getExpectedSha256());
        };
    }

    /**
     * Why the destination is not current, or null when it is. ETags count only where they show the same lineage: the
     * source ETag a copy recorded, or the destination's own ETag when it equals the source's. Otherwise a stored
     * SHA-256 that matches the published one proves the copy current.
     */
    private String differs(FileSyncRequest request, HeadObjectResponse head) {
        if (criterion != SkipCriterion.SHA256 && head.contentLength() != request.getExpectedSize().longValue()) {
            return "destination size " + head.contentLength() + " differs from the source's "
                    + request.getExpectedSize();
        }
        String sha = Hex.base64ToHex(head.checksumSHA256());
        boolean shaMatches = sha != null && sha.equalsIgnoreCase(request.getExpectedSha256());
        if (criterion == SkipCriterion.SIZE_AND_ETAG) {
            String expected = ETags.unquote(request.getExpectedEtag());
            String etag = ETags.unquote(head.eTag());
            String recorded = head.metadata().get(ObjectMetadata.SOURCE_ETAG);
            if (!expected.equals(etag) && !expected.equals(recorded) && !shaMatches) {
                return "destination ETag " + etag + (recorded == null ? "" : " (recorded source ETag " + recorded + ")")
                        + " differs from the source's " + expected;
            }
        }
        if (criterion == SkipCriterion.SHA256 && !shaMatches) {
            return "destination SHA-256 " + (sha == null ? "unknown" : sha) + " differs from the source's";
        }
        return null;
    }

    private CopyResult skipped(FileSyncRequest request, String batchId, long started, long size, String etag) {
        String expected = ETags.unquote(request.getExpectedEtag());
        boolean byEtag = criterion == SkipCriterion.SIZE_AND_ETAG;
        return Results.base(request, batchId, started)
                .setOutcome(CopyOutcome.SKIPPED_CURRENT)
                .setMethod(CopyMethod.NONE)
                .setMethodReason("destination already current by " + criterion + "; not copied")
                .setBytes(size)
                .setStorageRequests(1)
                .setVerification(byEtag
                        ? Results.verification(VerificationMethod.ETAG, true, expected, etag)
                        : Results.verification(VerificationMethod.NONE, false, null, etag))
                .build();
    }
}
