package io.archivesync.storage.gcs;

import com.google.api.client.http.HttpRequestFactory;
import com.google.api.services.storage.model.StorageObject;
import com.google.cloud.ReadChannel;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Capabilities;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Cloud Storage ({@code gs://bucket/key}) on the {@code google-cloud-storage} client over HTTP.
 *
 * <p>Versions are generations. Metadata calls run on this store's own threads (the client blocks). Writes are
 * resumable sessions (see {@link ResumableSession} for why not the client's writer); copies are rewrites.
 */
public final class GcsBlobStore implements BlobStore {

    /** GCS's largest object, which one resumable upload can write. */
    static final long MAX_OBJECT_BYTES = 5L * 1024 * 1024 * 1024 * 1024;

    private static final Logger LOGGER = LoggerFactory.getLogger(GcsBlobStore.class);
    private static final Capabilities CAPABILITIES = new Capabilities(true, false, false, true, true,
            MAX_OBJECT_BYTES);

    private final Storage storage;
    private final boolean ownsClient;
    private final String host;
    private final HttpRequestFactory requests;
    private final GcsCopy copier;
    private final ExecutorService executor;

    private GcsBlobStore(Storage storage, boolean ownsClient, long rewriteMebibytesPerCall) {
        if (!(storage.getOptions().getTransportOptions() instanceof HttpTransportOptions transport)) {
            throw new IllegalArgumentException("the GCS store needs a client over HTTP (the JSON API), not gRPC");
        }
        StorageOptions options = storage.getOptions();
        this.storage = storage;
        this.ownsClient = ownsClient;
        this.host = options.getHost().replaceAll("/+$", "");
        this.requests = transport.getHttpTransportFactory().create()
                .createRequestFactory(transport.getHttpRequestInitializer(options));
        this.copier = new GcsCopy(storage, rewriteMebibytesPerCall);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    /** A store with a client of its own, closed with it. */
    public static GcsBlobStore create(GcsSettings settings) {
        LOGGER.info("GCS store settings={}", settings);
        return new GcsBlobStore(settings.newClient(), true, settings.rewriteMebibytesPerCall());
    }

    /**
     * A store on a client the caller keeps (and closes).
     *
     * @param rewriteMebibytesPerCall see {@link GcsSettings#rewriteMebibytesPerCall}
     */
    public static GcsBlobStore on(Storage storage, long rewriteMebibytesPerCall) {
        return new GcsBlobStore(storage, false, rewriteMebibytesPerCall);
    }

    @Override
    public String scheme() {
        return GcsObjects.SCHEME;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletableFuture<Optional<BlobInfo>> head(BlobRef ref) {
        return async("reading the information of " + ref, () -> {
            Blob blob = storage.get(GcsObjects.blobId(requireGs(ref)));
            return Optional.ofNullable(blob).map(GcsObjects::fromClient);
        });
    }

    @Override
    public BlobRead read(BlobRef ref, ReadOptions options) {
        String what = "reading " + ref;
        try {
            BlobId id = GcsObjects.blobId(requireGs(ref));
            Blob blob = options.ifVersion() == null ? storage.get(id)
                    : storage.get(id, Storage.BlobGetOption.generationMatch(
                            GcsPreconditions.generation(options.ifVersion())));
            if (blob == null) {
                throw GcsErrors.status(404, "no such object", what);
            }
            BlobInfo info = GcsObjects.fromClient(blob);
            if (options.offset() > info.size()) {
                throw GcsErrors.invalid("InvalidRange", what + ": the range starts at " + options.offset()
                        + ", past the end (" + info.size() + " bytes)");
            }
            if (options.offset() == info.size() || options.length() == 0) {
                return new GcsBlobRead(info, null);
            }
            ReadChannel channel = storage.reader(blob.getBlobId());
            channel.seek(options.offset());
            if (options.length() > 0) {
                channel.limit(options.offset() + options.length());
            }
            return new GcsBlobRead(info, channel);
        } catch (RuntimeException | IOException e) {
            throw GcsErrors.from(e, what);
        }
    }

    @Override
    public BlobWrite write(BlobRef ref, WriteOptions options) {
        String what = "writing " + ref;
        try {
            requireGs(ref);
            StorageObject resource = new StorageObject()
                    .setBucket(ref.container())
                    .setName(ref.key())
                    .setContentType(options.contentType())
                    .setMetadata(GcsMetadata.of(options))
                    .setStorageClass(GcsMetadata.storageClass(options));
            ResumableSession session = ResumableSession.open(requests, host, resource,
                    GcsPreconditions.generationMatch(options.precondition()));
            LOGGER.debug("Write opened object={}", ref);
            return new GcsBlobWrite(session);
        } catch (RuntimeException e) {
            throw GcsErrors.from(e, what);
        }
    }

    /** Takes up the resumable session {@code writeId} (its URL) from what it persisted. */
    @Override
    public Optional<BlobWrite> resume(BlobRef ref, String writeId, WriteOptions options) {
        String what = "resuming the write of " + ref;
        try {
            requireGs(ref);
            if (writeId == null || writeId.isBlank()) {
                return Optional.empty();
            }
            return ResumableSession.reopen(requests, host, ref.container(), ref.key(), writeId)
                    .flatMap(session -> {
                        long persisted = session.query();
                        LOGGER.debug("Write resumed object={} persisted={}", ref, persisted);
                        return persisted < 0 ? Optional.<BlobWrite>empty()
                                : Optional.<BlobWrite>of(new GcsBlobWrite(session, persisted));
                    });
        } catch (RuntimeException e) {
            throw GcsErrors.from(e, what);
        }
    }

    @Override
    public Iterator<BlobPage> list(BlobRef prefix, String delimiter) {
        requireGs(prefix);
        List<Storage.BlobListOption> options = new ArrayList<>();
        if (!prefix.key().isEmpty()) {
            options.add(Storage.BlobListOption.prefix(prefix.key()));
        }
        if ("/".equals(delimiter)) {
            options.add(Storage.BlobListOption.currentDirectory());
        } else if (delimiter != null) {
            options.add(Storage.BlobListOption.delimiter(delimiter));
        }
        Storage.BlobListOption[] array = options.toArray(new Storage.BlobListOption[0]);
        return new GcsPages(() -> storage.list(prefix.container(), array), "listing " + prefix);
    }

    @Override
    public CompletableFuture<Void> delete(BlobRef ref, Precondition precondition) {
        return async("deleting " + ref, () -> {
            boolean deleted = storage.delete(GcsObjects.blobId(requireGs(ref)),
                    GcsPreconditions.source(precondition));
            LOGGER.debug("Deleted object={} existed={}", ref, deleted);
            return null;
        });
    }

    @Override
    public Optional<CompletableFuture<BlobInfo>> copy(BlobRef source, String sourceUrl, BlobRef destination,
                                                      WriteOptions options) {
        if (!GcsObjects.SCHEME.equals(source.scheme()) || !GcsObjects.SCHEME.equals(destination.scheme())) {
            return Optional.empty();
        }
        return Optional.of(async("copying " + source + " to " + destination,
                () -> copier.copy(source, destination, options)));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (ownsClient) {
            try {
                storage.close();
            } catch (Exception e) {
                LOGGER.warn("Closing the GCS client failed error={}", e.toString());
            }
        }
    }

    private <T> CompletableFuture<T> async(String what, Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(call.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(GcsErrors.from(e, what));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(GcsErrors.from(e, what));
        }
        return result;
    }

    private static BlobRef requireGs(BlobRef ref) {
        if (!GcsObjects.SCHEME.equals(ref.scheme())) {
            throw GcsErrors.invalid("WrongStore", "'" + ref + "' is not a gs:// location");
        }
        return ref;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gcs-store-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
