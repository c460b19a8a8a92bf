package io.archivesync.sink.copy;

import io.archivesync.avro.CopyResult;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.config.StorageSettings;
import io.archivesync.sink.copy.blob.BlobCopier;
import io.archivesync.sink.copy.blob.BlobRouter;
import io.archivesync.sink.copy.ratelimit.Pacer;
import io.archivesync.sink.copy.ratelimit.ThrottledInputStream;
import io.archivesync.storage.location.Locations;
import io.archivesync.storage.s3.S3StoreOptions;
import io.archivesync.storage.transfer.TransferJournal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The one place the copier is put together, outermost first:
 * <pre>
 * SourceGuard              outside sink.allowedSources, or a private address? never touched: FAILED_ACCESS
 * └ PrefixBackoff.gate      under a prefix the storage throttles? wait for its turn (no permit held)
 * └ BlobRouter              not S3 → S3? RetryingCopier ─ PrefixBackoff.observe ─ [faults] ─ BlobCopier, on the
 *                           storage interface: skip, server-side where the pair allows, else streamed and hashed
 * └ DeletingCopier          a propagated delete? RetryingCopier ─ PropagatedDelete: source really gone? DELETED
 * └ SkippingCopier            already current (listing or one HEAD)? then SKIPPED_CURRENT
 *  └ StagingCopier           replacing an object? copy to a staging key, put in place only once verified
 *   └ VerifyingCopier        SHA-256 against the published checksum, quarantine on mismatch, else UNVERIFIED
 *     └ ModeRouter           AUTO / DIRECT / HYBRID / TRADITIONAL, fallback to streaming when refused
 *        ├ RetryingCopier ─ PrefixBackoff.observe ─ [faults] ─ ServerSideCopier   CopyObject or UploadPartCopy
 *        └ RetryingCopier ─ PrefixBackoff.observe ─ [faults] ─ StreamingCopier    GET or HTTPS → PUT or parts
 * </pre>
 * Both retrying layers share one {@link AdaptiveLimiter}, and every layer one {@link PrefixBackoff}. Tests insert a
 * {@code FaultInjectingCopier} (a test class) at {@code [faults]}, under the retries, where real storage failures
 * happen (also under the propagated deletes' retries). The request cap ({@code sink.rateLimit.requestsPerSecond}) is
 * not a layer: it is in the {@link StorageClients}, where each request is made; the bandwidth cap paces the
 * {@link StreamingCopier}'s reads.
 */
public final class CopierFactory {

    private CopierFactory() {
    }

    /** The composed copier and what it owns; closing it stops the readers and HTTP sources (not the S3 clients). */
    public static final class Composed implements Copier, AutoCloseable {
        private final Copier copier;
        private final AdaptiveLimiter limiter;
        private final List<ExecutorService> readers;
        private final HttpSourceClient http;
        private final Locations locations;

        private Composed(Copier copier, AdaptiveLimiter limiter, List<ExecutorService> readers,
                         HttpSourceClient http, Locations locations) {
            this.copier = copier;
            this.limiter = limiter;
            this.readers = readers;
            this.http = http;
            this.locations = locations;
        }

        @Override
        public CompletableFuture<CopyResult> copy(CopyTask task) {
            return Copiers.guarded(copier, task);
        }

        public AdaptiveLimiter limiter() {
            return limiter;
        }

        /** The stores of every location, which the copier owns (for giving up abandoned writes at start-up). */
        public Locations locations() {
            return locations;
        }

        @Override
        public void close() {
            readers.forEach(ExecutorService::shutdownNow);
            try {
                for (ExecutorService pool : readers) {
                    pool.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            http.close();
            locations.close();
        }
    }

    public static Composed create(SinkSettings sink, StorageClients clients) {
        return create(sink, clients, UnaryOperator.identity());
    }

    /** @param faults wraps each strategy; identity in production */
    public static Composed create(SinkSettings sink, StorageClients clients, UnaryOperator<Copier> faults) {
        return create(sink, clients, faults, StorageSettings.NONE);
    }

    /** @param storage the named remotes and local roots other locations than S3 resolve with */
    public static Composed create(SinkSettings sink, StorageClients clients, UnaryOperator<Copier> faults,
                                  StorageSettings storage) {
        return create(sink, clients, faults, storage, TransferJournal.NONE);
    }

    /** @param journal where streamed writes to other providers record their parts, to resume after a crash */
    public static Composed create(SinkSettings sink, StorageClients clients, UnaryOperator<Copier> faults,
                                  StorageSettings storage, TransferJournal journal) {
        AdaptiveLimiter limiter = new AdaptiveLimiter(sink.concurrency());
        PrefixBackoff backoff = new PrefixBackoff(sink.rateLimit().prefixBackoff());
        Pacer bandwidth = sink.rateLimit().bandwidth() > 0
                ? ThrottledInputStream.bandwidth(sink.rateLimit().bandwidth()) : null;
        AtomicInteger n = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(sink.streaming().concurrency(), r -> {
            Thread t = new Thread(r, "archive-sync-stream-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SourcePolicy policy = new SourcePolicy(sink);
        HttpSourceClient http = new HttpSourceClient(policy, sink.concurrency() + sink.streaming().concurrency());
        SourceOpener opener = new SourceOpener(clients::source, clients::blockingSource, http);
        Copier serverSide = new RetryingCopier(backoff.observe(faults.apply(
                new ServerSideCopier(clients.destination(), clients::source, sink))), sink.retry(), limiter,
                backoff::throttlesAll);
        ExecutorService uploaders = Executors.newFixedThreadPool(
                sink.streaming().concurrency() * sink.streaming().partsInFlight(), r -> {
                    Thread t = new Thread(r, "archive-sync-part-uploader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        Copier streaming = new RetryingCopier(backoff.observe(faults.apply(new StreamingCopier(opener,
                clients.blockingDestination(), uploaders, sink, readers, bandwidth))), sink.retry(), limiter,
                backoff::throttlesAll);
        Copier routed = new ModeRouter(sink.mode(), clients.sourcesOnOtherEndpoint(), serverSide, streaming);
        InBucketCopy inBucket = new InBucketCopy(clients.destination(), sink);
        Copier verified = sink.verify().sha256()
                ? new StagingCopier(new VerifyingCopier(routed, new ChecksumSidecar(opener), clients.destination(),
                new Quarantine(clients.destination(), inBucket, sink.verify().quarantinePrefix())),
                clients.destination(), inBucket)
                : routed;
        DestinationListing listing = sink.listingTtl().isZero() ? null
                : new DestinationListing(clients.destination(), sink.listingTtl());
        Copier skipping = new SkippingCopier(verified, clients.destination(), sink.skip(), listing);
        Copier deletes = new RetryingCopier(backoff.observe(faults.apply(new PropagatedDelete(skipping,
                clients.destination(), clients::source))), sink.retry(), limiter, backoff::throttlesAll);
        Copier deleting = new DeletingCopier(skipping, deletes);
        Locations locations = new Locations(clients.s3(), storage, S3StoreOptions.DEFAULTS, http.opener(),
                clients::store);
        ExecutorService blobWorkers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "archive-sync-blob-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Copier blob = new RetryingCopier(backoff.observe(faults.apply(new BlobCopier(locations, sink, blobWorkers,
                sink.streaming().concurrency(), journal))), sink.retry(), limiter, backoff::throttlesAll);
        Copier byProvider = backoff.gate(new BlobRouter(blob, deleting));
        return new Composed(new SourceGuard(byProvider, policy, http.executor()), limiter,
                List.of(readers, uploaders, blobWorkers), http, locations);
    }
}
