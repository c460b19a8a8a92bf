package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.core.config.S3Settings;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Capabilities;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.net.URL;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The {@link BlobStore} of one S3 endpoint (AWS, or a compatible server), for {@code s3://bucket/key}: the async
 * client for metadata calls and server-side copies, the blocking client for content streams. Every failure is a
 * {@link StorageException} classified by {@link S3Errors}; futures never throw, they complete exceptionally.
 *
 * <p>Preconditions are S3's own conditional requests ({@code If-Match} / {@code If-None-Match: *} on PutObject,
 * CompleteMultipartUpload, CopyObject and DeleteObject), checked atomically by S3. A server that ignores them gets
 * {@link S3StoreOptions#preconditionsByHead()}: a HEAD just before, which leaves a window for a race. S3Proxy 4.1.0
 * honours them on PutObject, CompleteMultipartUpload and DeleteObject, but ignores both on CopyObject (an emulator
 * gap: the copy overwrites), so copies onto a guarded destination need that option there.
 */
public final class S3BlobStore implements BlobStore {

    private final S3AsyncClient async;
    private final S3Client sync;
    private final S3Presigner presigner;
    private final S3StoreOptions options;
    private final S3Requests requests;
    private final S3Copy copier;
    private final boolean ownsClients;

    /** On clients the caller keeps (and closes): the copier's, rate-limited and counted, say. */
    public S3BlobStore(S3AsyncClient async, S3Client sync, S3StoreOptions options) {
        this(async, sync, options, false);
    }

    private S3BlobStore(S3AsyncClient async, S3Client sync, S3StoreOptions options, boolean ownsClients) {
        this.async = async;
        this.sync = sync;
        this.options = options;
        this.ownsClients = ownsClients;
        this.presigner = presigner(sync);
        this.requests = new S3Requests(sync, options.preconditionsByHead());
        this.copier = new S3Copy(async, requests, options.singleCopyMax(), options.copyPartBytes(),
                options.copyPartsInFlight());
    }

    /** A store with its own clients, built as every part of archive-sync builds them ({@link S3Clients}). */
    public static S3BlobStore create(S3Settings s3, boolean anonymous, S3StoreOptions options) {
        return new S3BlobStore(S3Clients.async(s3, null, anonymous), S3Clients.sync(s3, null, anonymous), options,
                true);
    }

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, false, presigner != null, true, true, S3StoreOptions.MAX_SINGLE_PART);
    }

    @Override
    public CompletableFuture<Optional<BlobInfo>> head(BlobRef ref) {
        return guard(ref, "HeadObject", () -> async.headObject(b -> b.bucket(ref.container()).key(ref.key())
                        .checksumMode(ChecksumMode.ENABLED))
                .handle((r, e) -> {
                    if (e == null) {
                        return Optional.of(S3Objects.fromHead(ref, r));
                    }
                    if (S3Errors.unwrap(e) instanceof NoSuchKeyException) {
                        return Optional.<BlobInfo>empty();
                    }
                    throw S3Errors.classify(e, "HeadObject " + ref);
                }));
    }

    @Override
    public BlobRead read(BlobRef ref, ReadOptions read) {
        check(ref);
        return S3BlobRead.open(sync, ref, read);
    }

    @Override
    public BlobWrite write(BlobRef ref, WriteOptions write) {
        checkWrite(ref, write);
        return new S3BlobWrite(sync, ref, write, requests);
    }

    /**
     * Goes on with multipart upload {@code writeId} after the parts S3 holds (ListParts). An upload that holds no
     * part 1 is aborted and not resumed: nothing would be saved, and S3Proxy answers ListParts of an aborted upload
     * with no parts where S3 says NoSuchUpload, so "no parts" cannot be told from "gone".
     */
    @Override
    public Optional<BlobWrite> resume(BlobRef ref, String writeId, WriteOptions write) {
        checkWrite(ref, write);
        if (writeId == null || writeId.isBlank()) {
            return Optional.empty();
        }
        Optional<S3UploadedParts> uploaded = S3UploadedParts.list(sync, ref, writeId);
        if (uploaded.isEmpty()) {
            return Optional.empty();
        }
        S3BlobWrite resumed = S3BlobWrite.resumed(sync, ref, write, requests, writeId, uploaded.get());
        if (uploaded.get().parts().isEmpty()) {
            resumed.abort();
            return Optional.empty();
        }
        return Optional.of(resumed);
    }

    @Override
    public Iterator<BlobPage> list(BlobRef prefix, String delimiter) {
        check(prefix);
        return new S3Listing(sync, prefix, delimiter, options.listPageSize());
    }

    @Override
    public CompletableFuture<Void> delete(BlobRef ref, Precondition precondition) {
        return S3Delete.delete(async, ref, precondition);
    }

    @Override
    public Optional<CompletableFuture<BlobInfo>> copy(BlobRef source, String sourceUrl, BlobRef destination,
                                                      WriteOptions write) {
        if (!"s3".equals(source.scheme())) {
            return Optional.empty();
        }
        return Optional.of(guard(destination, "copy", () -> {
            check(source);
            S3StorageClasses.validate(write.storageClass(), destination);
            return copier.copy(source, destination, write);
        }));
    }

    /**
     * A URL anyone may GET the object from until {@code validity} passes, signed with this store's credentials
     * (not on the interface: only stores that sign requests have one).
     *
     * @throws IllegalStateException when the store is anonymous, and so cannot sign
     */
    public URL presign(BlobRef ref, Duration validity) {
        check(ref);
        if (presigner == null) {
            throw new IllegalStateException("an anonymous S3 store cannot presign " + ref);
        }
        return presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(ref.container()).key(ref.key()))).url();
    }

    @Override
    public Optional<String> readUrl(BlobRef ref, Duration validity) {
        return presigner == null ? Optional.empty() : Optional.of(presign(ref, validity).toString());
    }

    @Override
    public void close() {
        if (presigner != null) {
            presigner.close();
        }
        if (ownsClients) {
            async.close();
            sync.close();
        }
    }

    /**
     * A presigner that signs as the client does: the client gives its S3 configuration (path style), its settings the
     * rest. None for an anonymous client.
     */
    private static S3Presigner presigner(S3Client sync) {
        S3ServiceClientConfiguration conf = sync.serviceClientConfiguration();
        if (conf.credentialsProvider() instanceof AnonymousCredentialsProvider) {
            return null;
        }
        return S3Presigner.builder().s3Client(sync).region(conf.region())
                .credentialsProvider(conf.credentialsProvider())
                .endpointOverride(conf.endpointOverride().orElse(null)).build();
    }

    private static void checkWrite(BlobRef ref, WriteOptions write) {
        check(ref);
        S3StorageClasses.validate(write.storageClass(), ref);
        if (write.sha256() != null && !write.sha256().matches("[0-9a-fA-F]{64}")) {
            throw new StorageException(ErrorKind.INVALID, "InvalidDigest", -1, "writing " + ref + ": '"
                    + write.sha256() + "' is not a SHA-256 in hex", null);
        }
    }

    private static void check(BlobRef ref) {
        if (!"s3".equals(ref.scheme())) {
            throw new StorageException(ErrorKind.INVALID, "WrongScheme", -1, ref + " is not an s3:// location", null);
        }
    }

    /** Runs a call that returns a future so that nothing it throws escapes: it fails the future instead. */
    private static <T> CompletableFuture<T> guard(BlobRef ref, String what,
                                                  Supplier<CompletableFuture<T>> call) {
        try {
            check(ref);
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(S3Errors.classify(e, what + " " + ref));
        }
    }
}
