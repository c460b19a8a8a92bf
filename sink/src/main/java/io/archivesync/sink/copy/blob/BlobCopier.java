package io.archivesync.sink.copy.blob;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.OperationMode;
import io.archivesync.avro.Verification;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.mode.CopyModes;
import io.archivesync.schemas.key.Destinations;
import io.archivesync.sink.copy.Copier;
import io.archivesync.sink.copy.CopyTask;
import io.archivesync.sink.copy.DeletingCopier;
import io.archivesync.sink.copy.Results;
import io.archivesync.sink.copy.StorageErrors;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import io.archivesync.storage.location.Locations;
import io.archivesync.storage.transfer.StreamTransfer;
import io.archivesync.storage.transfer.TransferJournal;
import io.archivesync.storage.transfer.Transfers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * One attempt at one object between any two locations, on the storage interface:
 * <ol>
 *   <li>HEAD both sides, and learn the published SHA-256 (the request's, or the archive's sidecar at the source);</li>
 *   <li>already current ({@link Evidence})? {@code SKIPPED_CURRENT};</li>
 *   <li>server-side when the pair allows ({@link Transfers}) and the mode lets it; a refusal falls back to streaming
 *       under AUTO and HYBRID, never under DIRECT;</li>
 *   <li>otherwise streamed ({@link StreamTransfer}): hashed on the way, and checked before it becomes visible.</li>
 * </ol>
 * Every write is conditional on what step 1 saw (absent, or that version), so a destination that changed in between
 * is not overwritten. An existing destination with a published checksum is only replaced by a streamed copy, which is
 * checked before it becomes visible: a good copy is never replaced by an unverified one.
 */
public final class BlobCopier implements Copier {

    private final Locations locations;
    private final SinkSettings sink;
    private final ExecutorService workers;
    /** The memory streamed copies may hold at once, in KiB of part buffers. */
    private final Semaphore buffers;
    private final TransferJournal journal;

    /**
     * @param workers blocking threads for heads, reads and writes
     * @param streams large streamed copies at once ({@code sink.streaming.concurrency}): each holds two part buffers
     *                (one read while the other is sent), and the memory of that many is what all streamed copies
     *                share; smaller objects hold buffers of their own size, so many more of them stream at once
     * @param journal where streamed writes record their progress, so that a copier that dies mid-upload resumes from
     *                the last part
     */
    public BlobCopier(Locations locations, SinkSettings sink, ExecutorService workers, int streams,
                      TransferJournal journal) {
        this.locations = locations;
        this.sink = sink;
        this.workers = workers;
        this.buffers = new Semaphore((int) Math.min(Integer.MAX_VALUE, streams * 2L * partBytes() / 1024));
        this.journal = journal;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        return CompletableFuture.supplyAsync(() -> copyNow(task), workers);
    }

    private CopyResult copyNow(CopyTask task) {
        FileSyncRequest request = task.request();
        long started = System.nanoTime();
        if (DeletingCopier.isDelete(task)) {
            return Results.invalid(request, task.batchId(), started, "DeleteNotSupported",
                    "propagated deletes are carried out for S3 destinations only, not "
                            + Destinations.location(request.getDestination()));
        }
        int requests = 0;
        try {
            Locations.Resolved source = locations.resolve(request.getSource().getUri(),
                    request.getSource().getAnonymous());
            Locations.Resolved destination = locations.resolve(Destinations.location(request.getDestination()),
                    false);
            if (!destination.store().capabilities().writable()) {
                return Results.invalid(request, task.batchId(), started, "ReadOnlyDestination",
                        destination.ref() + " cannot be written: " + destination.store().scheme() + " is read only");
            }
            CompletableFuture<Optional<BlobInfo>> sourceHead = source.store().head(source.ref());
            CompletableFuture<Optional<BlobInfo>> destinationHead = destination.store().head(destination.ref());
            requests += billed(source) + billed(destination);
            Optional<BlobInfo> found = sourceHead.join();
            Optional<BlobInfo> existing = destinationHead.join();
            if (found.isEmpty()) {
                return Results.failed(request, task.batchId(), started, CopyOutcome.FAILED_NOT_FOUND,
                        ErrorKind.NOT_FOUND, "NoSuchKey", "source " + source.ref() + " does not exist", requests);
            }
            BlobInfo info = found.get();
            PublishedChecksum published = PublishedChecksum.of(request, source);
            requests += published.requests() * billed(source);
            if (existing.isPresent()) {
                Verification current = Evidence.sameContent(info, existing.get(), published.sha256());
                if (current != null) {
                    return skipped(task, started, info, current, requests);
                }
            }
            return transfer(task, started, source, info, destination, existing, published, requests);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return Results.failed(request, task.batchId(), started, StorageErrors.classify(cause,
                    "copy " + request.getSource().getUri() + " to " + Destinations.location(request.getDestination())),
                    requests);
        }
    }

    private CopyResult transfer(CopyTask task, long started, Locations.Resolved source, BlobInfo info,
                                Locations.Resolved destination, Optional<BlobInfo> existing,
                                PublishedChecksum published, int requests) {
        FileSyncRequest request = task.request();
        OperationMode mode = CopyModes.parse(request.getMode(), sink.mode()).orElse(sink.mode());
        WriteOptions options = options(request, info, existing, published);
        String fallback = null;
        boolean mustStream = mode == OperationMode.TRADITIONAL
                || (existing.isPresent() && published.sha256() != null);
        Optional<Transfers.ServerSide> serverSide = mustStream ? Optional.empty()
                : Transfers.serverSide(source.store(), source.ref(), destination.store(), destination.ref(), options);
        if (serverSide.isPresent()) {
            try {
                BlobInfo written = serverSide.get().copy().join();
                return ServerSideCheck.verify(task, started, info, written, destination, published,
                        serverSide.get().reason(), requests + billed(destination));
            } catch (CompletionException e) {
                StorageErrors.Classified c = StorageErrors.classify(e.getCause(), "server-side copy to "
                        + destination.ref());
                if (mode == OperationMode.DIRECT || !fallsBack(c.kind(), source.store() != destination.store())) {
                    return Results.failed(request, task.batchId(), started, c, requests + billed(destination));
                }
                requests += billed(destination);
                fallback = "server-side refused (" + c.errorClass() + "), fell back to streaming";
            }
        } else if (mode == OperationMode.DIRECT) {
            return Results.failed(request, task.batchId(), started, CopyOutcome.FAILED_INVALID, ErrorKind.FINAL,
                    "ServerSideImpossible", Transfers.whyStreamed(source.store(), destination.store())
                            + ", and DIRECT never streams", requests);
        }
        String reason = fallback != null ? fallback : mode == OperationMode.TRADITIONAL ? "TRADITIONAL always streams"
                : mustStream ? "streamed: replacing an object with a published checksum, checked before it is "
                + "visible" : Transfers.whyStreamed(source.store(), destination.store());
        return streamed(task, started, source, info, destination, options, published, reason, fallback != null,
                requests);
    }

    private CopyResult streamed(CopyTask task, long started, Locations.Resolved source, BlobInfo info,
                                Locations.Resolved destination, WriteOptions options, PublishedChecksum published,
                                String reason, boolean fellBack, int requests) {
        int kib = (int) Math.max(1, 2L * Math.min(partBytes(), Math.max(1, info.size())) / 1024);
        buffers.acquireUninterruptibly(kib);
        StreamTransfer.Streamed done;
        try {
            done = StreamTransfer.stream(source.store(), info, destination.store(), destination.ref(), options,
                    published.sha256(), partBytes(), bytes -> { }, journal);
        } finally {
            buffers.release(kib);
        }
        String why = done.resumedBytes() > 0
                ? reason + "; resumed at " + done.resumedBytes() + " bytes from an earlier attempt" : reason;
        String sha = done.computed().sha256();
        boolean verified = published.sha256() != null || info.checksums().confirms(done.computed());
        Verification verification = Results.verification(verified ? VerificationMethod.STREAMED_HASH
                : VerificationMethod.NONE, verified, published.sha256() != null ? published.sha256()
                : info.checksums().toString(), sha);
        return Results.base(task.request(), task.batchId(), started)
                .setOutcome(published.problem() != null ? CopyOutcome.COPIED_UNVERIFIED : CopyOutcome.COPIED)
                .setMethod(CopyMethod.STREAMED)
                .setMethodReason(published.problem() != null ? why + "; " + published.problem() : why)
                .setBytes(done.bytes())
                .setBytesThroughCopier(done.bytes())
                .setStorageRequests(requests + billed(source) + (done.requests() - 1) * billed(destination))
                .setSourceEtag(info.version())
                .setSourceSize(info.size())
                .setVerification(verification)
                .setDestinationSha256(sha)
                .setDestinationSha256Source(VerificationMethod.STREAMED_HASH)
                .setFellBack(fellBack)
                .build();
    }

    private CopyResult skipped(CopyTask task, long started, BlobInfo info, Verification why, int requests) {
        return Results.base(task.request(), task.batchId(), started)
                .setOutcome(CopyOutcome.SKIPPED_CURRENT)
                .setMethod(CopyMethod.NONE)
                .setMethodReason("already current: " + why.getExpected())
                .setBytes(info.size())
                .setStorageRequests(requests)
                .setSourceEtag(info.version())
                .setSourceSize(info.size())
                .setVerification(why)
                .build();
    }

    private WriteOptions options(FileSyncRequest request, BlobInfo info, Optional<BlobInfo> existing,
                                 PublishedChecksum published) {
        Map<String, String> metadata = new HashMap<>(info.metadata());
        // the modification time travels in the options, and each provider keeps it under its own key
        BlobInfo.MTIME_KEYS.forEach(metadata::remove);
        String contentType = info.contentType();
        if (request.getMetadata() != null) {
            metadata = new HashMap<>(request.getMetadata().getUserMetadata());
            contentType = request.getMetadata().getContentType();
        }
        String sha = published.sha256() != null ? published.sha256() : info.checksums().sha256();
        if (sha != null) {
            metadata.put(Evidence.SHA256_KEY, sha);
        }
        String storageClass = request.getDestination().getStorageClass() != null
                ? request.getDestination().getStorageClass() : sink.storageClass();
        Precondition precondition = existing.map(e -> Precondition.ifVersion(e.version()))
                .orElse(Precondition.mustBeAbsent());
        return new WriteOptions(contentType, metadata, storageClass, info.size(), sha, info.modified(),
                precondition);
    }

    /**
     * Whether a side's calls count as storage requests: a local file's stat, read or rename is not one (results count
     * what a provider bills and throttles), so an upload costs its HEAD and PUT, not the file operations around them.
     */
    private static int billed(Locations.Resolved side) {
        return "file".equals(side.store().scheme()) ? 0 : 1;
    }

    private int partBytes() {
        return (int) Math.min(sink.streaming().partSize(), 1L << 30);
    }

    /**
     * Whether a refused server-side copy is worth streaming: not when the source is gone or changed, the checksum is
     * wrong, or the storage asks us to slow down (retried instead). A store fetching from another's URL answers
     * NOT_FOUND when it could not read that URL (Azure's CannotVerifyCopySource), though our HEAD just found the
     * source: that falls back too.
     */
    private static boolean fallsBack(ErrorKind kind, boolean fromUrl) {
        return (kind != ErrorKind.NOT_FOUND || fromUrl) && kind != ErrorKind.PRECONDITION
                && kind != ErrorKind.CHECKSUM && kind != ErrorKind.THROTTLED;
    }
}
