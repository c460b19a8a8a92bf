package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.config.SkipCriterion;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Incremental mirroring: an object whose destination copy is already current is not copied again. One HEAD of the
 * destination decides ({@code sink.skip}); a request without the values the criterion compares never skips, so a
 * changed source is always copied again (Binance replaces files after publication). The HEAD is counted in the
 * result whether it skips or not.
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
    public CompletableFuture<CopyResult> copy(FileSyncRequest request, String batchId) {
        long started = System.nanoTime();
        if (!comparable(request)) {
            return inner.copy(request, batchId);
        }
        if (listing == null || criterion == SkipCriterion.SHA256) {
            return withHead(request, batchId, started, 0);
        }
        return listing.lookup(request.getDestination().getBucket(), request.getDestination().getKey())
                .handle((lookup, error) -> {
                    if (error != null) {
                        return withHead(request, batchId, started, 0);
                    }
                    if (!lookup.present()) {
                        return copyAgain(request, batchId, started, lookup.requestsIssued(),
                                "destination absent from its listing");
                    }
                    String expected = ServerSideCopier.unquote(request.getExpectedEtag());
                    boolean sameSize = lookup.size() == request.getExpectedSize();
                    boolean sameEtag = expected.equals(lookup.etag());
                    if (sameSize && (criterion == SkipCriterion.SIZE || sameEtag)) {
                        return CompletableFuture.completedFuture(CopyResult.newBuilder(skipped(request, batchId,
                                        started, lookup.size(), lookup.etag()))
                                .setStorageRequests(lookup.requestsIssued())
                                .setMethodReason("destination already current by " + criterion
                                        + " (from its listing); not copied")
                                .build());
                    }
                    if (!sameSize || !lookup.etag().contains("-")) {
                        return copyAgain(request, batchId, started, lookup.requestsIssued(), "listed destination "
                                + (sameSize ? "ETag " + lookup.etag() : "size " + lookup.size())
                                + " differs from the source's");
                    }
                    // a composite ETag: the source's ETag may be in the object's metadata, which only HEAD shows
                    return withHead(request, batchId, started, lookup.requestsIssued());
                }).thenCompose(f -> f);
    }

    private CompletableFuture<CopyResult> copyAgain(FileSyncRequest request, String batchId, long started,
                                                    int requests, String differs) {
        return inner.copy(request, batchId).whenComplete((r, e) -> {
            if (listing != null && r != null) {
                listing.update(request.getDestination().getBucket(), request.getDestination().getKey(),
                        r.getOutcome() == CopyOutcome.COPIED, r.getBytes(),
                        ServerSideCopier.unquote(request.getExpectedEtag()));
            }
        }).thenApply(r -> CopyResult.newBuilder(Results.plus(r, requests, started))
                .setMethodReason("incremental check (" + criterion + "): " + differs + "; " + r.getMethodReason())
                .build());
    }

    private CompletableFuture<CopyResult> withHead(FileSyncRequest request, String batchId, long started,
                                                   int requestsBefore) {
        CompletableFuture<HeadObjectResponse> head;
        try {
            head = destination.headObject(b -> b.bucket(request.getDestination().getBucket())
                    .key(request.getDestination().getKey())
                    .checksumMode(criterion == SkipCriterion.SHA256 ? ChecksumMode.ENABLED : null));
        } catch (RuntimeException e) {
            head = CompletableFuture.failedFuture(e);
        }
        return head.handle((response, error) -> {
            String differs = error != null ? "destination absent or unreadable" : differs(request, response);
            if (differs == null) {
                return CompletableFuture.completedFuture(CopyResult.newBuilder(skipped(request, batchId, started,
                                response.contentLength(), ServerSideCopier.unquote(response.eTag())))
                        .setStorageRequests(requestsBefore + 1)
                        .setVerification(criterion == SkipCriterion.SHA256
                                ? Results.verification(VerificationMethod.STORAGE_CHECKSUM, true,
                                request.getExpectedSha256(), Hex.base64ToHex(response.checksumSHA256()))
                                : skipped(request, batchId, started, 0, ServerSideCopier.unquote(response.eTag()))
                                .getVerification())
                        .build());
            }
            return copyAgain(request, batchId, started, requestsBefore + 1, differs);
        }).thenCompose(f -> f);
    }

    private boolean comparable(FileSyncRequest request) {
        return switch (criterion) {
            case ALWAYS_COPY -> false;
            case SIZE -> request.getExpectedSize() != null;
            case SIZE_AND_ETAG -> request.getExpectedSize() != null && request.getExpectedEtag() != null;
            case SHA256 -> Hex.isSha256Hex(request.getExpectedSha256());
        };
    }

    /** Why the destination is not current, or null when it is. */
    private String differs(FileSyncRequest request, HeadObjectResponse head) {
        if (criterion != SkipCriterion.SHA256 && head.contentLength() != request.getExpectedSize().longValue()) {
            return "destination size " + head.contentLength() + " differs from the source's "
                    + request.getExpectedSize();
        }
        if (criterion == SkipCriterion.SIZE_AND_ETAG) {
            String expected = ServerSideCopier.unquote(request.getExpectedEtag());
            String etag = ServerSideCopier.unquote(head.eTag());
            String recorded = head.metadata().get(ObjectMetadata.SOURCE_ETAG);
            if (!expected.equals(etag) && !expected.equals(recorded)) {
                return "destination ETag " + etag + (recorded == null ? "" : " (recorded source ETag " + recorded + ")")
                        + " differs from the source's " + expected;
            }
        }
        if (criterion == SkipCriterion.SHA256) {
            String actual = Hex.base64ToHex(head.checksumSHA256());
            if (actual == null || !actual.equalsIgnoreCase(request.getExpectedSha256())) {
                return "destination SHA-256 " + (actual == null ? "unknown" : actual) + " differs from the source's";
            }
        }
        return null;
    }

    private CopyResult skipped(FileSyncRequest request, String batchId, long started, long size, String etag) {
        String expected = ServerSideCopier.unquote(request.getExpectedEtag());
        return Results.base(request, batchId, started)
                .setOutcome(CopyOutcome.SKIPPED_CURRENT)
                .setMethod(CopyMethod.NONE)
                .setMethodReason("destination already current by " + criterion + "; not copied")
                .setBytes(size)
                .setStorageRequests(1)
                .setVerification(criterion == SkipCriterion.SIZE_AND_ETAG
                        ? Results.verification(VerificationMethod.ETAG, true, expected, etag)
                        : Results.verification(VerificationMethod.NONE, false, null, etag))
                .build();
    }
}
