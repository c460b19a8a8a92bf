package io.archivesync.sink.copy;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.sink.copy.ratelimit.Pacer;
import io.archivesync.sink.copy.ratelimit.ThrottledInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Gets an object across through the copier when the storage cannot copy it by itself: an HTTP(S) source, a source on
 * another endpoint or account, or TRADITIONAL mode. The source is read as it arrives and sent on in parts (one
 * PutObject when it fits in one part, a multipart upload otherwise), hashing the bytes on the way, so nothing touches
 * the local disk and memory stays within part size × (parts in flight + 1) per copy.
 *
 * <p>Each copy reads its source on a thread of a bounded pool ({@code sink.streaming.concurrency}) and sends its
 * parts on another ({@code concurrency × partsInFlight}), with the blocking clients: bandwidth, not request count,
 * bounds a streamed copy, and part buffers are pooled ({@link PartBuffers}) so memory stays fixed.
 */
public final class StreamingCopier implements Copier {

    private final SourceOpener opener;
    private final PartBuffers buffers;
    private final S3Client uploader;
    private final Executor uploaders;
    private final SinkSettings settings;
    private final Executor readers;
    private final Pacer bandwidth;

    /**
     * @param opener      opens S3 and HTTP(S) sources
     * @param uploader    the destination's blocking client (the copy runs on blocking threads)
     * @param uploaders   the threads parts are sent on
     * @param settings    part size, parts in flight, metadata and storage class
     * @param readers     the pool the sources are read on
     * @param bandwidth   paces the bytes read from sources, shared by every streamed copy; null = no cap
     */
    StreamingCopier(SourceOpener opener, S3Client uploader, Executor uploaders, SinkSettings settings,
                    Executor readers, Pacer bandwidth) {
        this.opener = opener;
        this.uploader = uploader;
        this.uploaders = uploaders;
        this.buffers = new PartBuffers((int) settings.streaming().partSize(),
                settings.streaming().concurrency() * (settings.streaming().partsInFlight() + 1));
        this.settings = settings;
        this.readers = readers;
        this.bandwidth = bandwidth;
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        String batchId = task.batchId();
        String uri = request.getSource().getUri();
        AtomicInteger requests = new AtomicInteger(1);
        AtomicReference<String> sourceEtag = new AtomicReference<>();
        // queued for a reader thread: not working yet, so not on the copy's clock
        task.clock().waitBegin();
        // the source is opened on the reader thread, so a copy waiting for a reader holds no connection
        return CompletableFuture.supplyAsync(() -> {
                    task.clock().waitEnd();
                    if (task.clock().expired()) {
                        throw new IllegalStateException("the copy timed out (sink.copyTimeout) before it started");
                    }
                    SourceStream source = opener.openBlocking(request);
                    sourceEtag.set(source.etag());
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    // a source that stalls mid-body would hold this thread forever: close it at the copy timeout,
                    // or when the copier gives up on the copy
                    Runnable stop = () -> {
                        if (!done.isDone()) {
                            SourceOpener.close(source.body());
                        }
                    };
                    task.clock().onExpiry(stop);
                    CompletableFuture.delayedExecutor(settings.copyTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .execute(stop);
                    try {
                        return new PartUpload(uploader, uploaders, buffers, settings, request, throttled(source),
                                requests).run();
                    } finally {
                        done.complete(null);
                    }
                }, readers)
                .thenApply(uploaded -> Results.base(request, batchId, started)
                        .setOutcome(CopyOutcome.COPIED)
                        .setMethod(CopyMethod.STREAMED)
                        .setMethodReason(uploaded.parts() == 0
                                ? "streamed through the copier in one PutObject"
                                : "streamed through the copier in a multipart upload of " + uploaded.parts()
                                + " parts")
                        .setBytes(uploaded.bytes())
                        .setBytesThroughCopier(uploaded.bytes())
                        .setStorageRequests(requests.get())
                        .setVerification(Results.verification(VerificationMethod.NONE, false, null,
                                uploaded.etag()))
                        .setDestinationSha256(uploaded.sha256())
                        .setDestinationSha256Source(VerificationMethod.STREAMED_HASH)
                        .setSourceEtag(request.getExpectedEtag() != null ? request.getExpectedEtag() : sourceEtag.get())
                        .build())
                .exceptionally(error -> Results.failed(request, batchId, started,
                        StorageErrors.classify(error, "streamed copy of " + uri), requests.get()));
    }

    /** The source read no faster than {@code sink.rateLimit.bandwidth}, when set. */
    private SourceStream throttled(SourceStream source) {
        return bandwidth == null ? source : new SourceStream(new ThrottledInputStream(source.body(), bandwidth),
                source.length(), source.contentType(), source.metadata(), source.etag());
    }
}
