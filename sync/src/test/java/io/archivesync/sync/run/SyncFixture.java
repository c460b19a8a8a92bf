package io.archivesync.sync.run;

import io.archivesync.core.config.S3Settings;
import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.embedded.Stack;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import io.archivesync.storage.azure.AzureBlobConfig;
import io.archivesync.storage.azure.AzureBlobStore;
import io.archivesync.storage.file.FileBlobStore;
import io.archivesync.storage.s3.S3BlobStore;
import io.archivesync.storage.s3.S3StoreOptions;
import io.archivesync.sync.ConflictStrategy;
import io.archivesync.sync.Decision;
import io.archivesync.sync.SyncEndpoint;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.plan.MaxDelete;
import io.archivesync.sync.plan.PathFilter;
import io.archivesync.sync.plan.SyncOptions;
import io.archivesync.sync.state.MemorySyncState;
import io.archivesync.sync.state.SyncState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Side A: a local directory; side B: a fresh prefix on a real server (S3Proxy, or Azurite). Objects are put and read
 * through the stores themselves, the way another writer would. The remote store is shared by a test class: clients
 * are slow to close.
 */
final class SyncFixture implements AutoCloseable {

    final Path dir;
    final BlobStore local;
    final BlobStore remote;
    final SyncEndpoint a;
    final SyncEndpoint b;
    SyncState state = new MemorySyncState();

    private SyncFixture(Path dir, BlobStore remote, BlobRef remoteRoot) {
        this.dir = dir;
        this.local = new FileBlobStore(dir, 1000);
        this.remote = remote;
        this.a = new SyncEndpoint(local, new BlobRef("file", "", ""), dir.toUri().toString());
        this.b = new SyncEndpoint(remote, remoteRoot, remoteRoot.url());
    }

    /** S3Proxy, which ignores conditions on CopyObject: its store checks them by HEAD (as the CLI's does there). */
    static BlobStore s3Store(Stack stack) {
        Stack.S3Endpoint s3 = stack.s3();
        return S3BlobStore.create(new S3Settings(s3.endpoint().toString(), s3.region(), s3.accessKey(),
                s3.secretKey(), true, 16), false, new S3StoreOptions(true, S3StoreOptions.MAX_SINGLE_PART,
                8L * 1024 * 1024, 2, 1000));
    }

    static BlobStore azureStore(AzureBlobEndpoint account) {
        return new AzureBlobStore(AzureBlobConfig.of(account.accountName(),
                URI.create(account.blobEndpoint().toString()), account.accountKey()));
    }

    /** A fresh prefix of {@code bucket} on a store the caller keeps (and closes). */
    static SyncFixture s3(BlobStore store, Path dir, String bucket) {
        return new SyncFixture(dir, store, new BlobRef("s3", bucket, "sync-" + UUID.randomUUID() + "/"));
    }

    static SyncFixture azure(BlobStore store, AzureBlobEndpoint account, Path dir, String container) {
        return new SyncFixture(dir, store, BlobRef.parse("az://" + account.accountName() + "/" + container
                + "/sync-" + UUID.randomUUID() + "/"));
    }

    SyncPair pair() {
        return new SyncPair(a, b);
    }

    SyncReport sync(ConflictStrategy strategy) {
        return sync(pair(), strategy, d -> { });
    }

    SyncReport sync(SyncPair pair, ConflictStrategy strategy, Consumer<Decision> hook) {
        SyncOptions options = new SyncOptions(strategy, MaxDelete.parse("100%"), false, PathFilter.ALL, 4,
                SyncOptions.DEFAULT_PART_BYTES);
        return new SyncRun(pair, state, options, hook, Clock.systemUTC()).run(false);
    }

    void putA(String path, String content, Instant modified) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            Files.setLastModifiedTime(file, FileTime.from(modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void putB(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        WriteOptions options = new WriteOptions(null, java.util.Map.of(), null, bytes.length, null, null,
                Precondition.NONE);
        try (BlobWrite write = remote.write(b.ref(path), options)) {
            write.part(bytes, bytes.length);
            write.complete();
        }
    }

    Optional<String> a(String path) {
        return read(local, a.ref(path));
    }

    Optional<String> b(String path) {
        return read(remote, b.ref(path));
    }

    void deleteA(String path) {
        try {
            Files.delete(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteB(String path) {
        remote.delete(b.ref(path), Precondition.NONE).join();
    }

    private static Optional<String> read(BlobStore store, BlobRef ref) {
        try (BlobRead read = store.read(ref, ReadOptions.WHOLE)) {
            return Optional.of(new String(read.content().readAllBytes(), StandardCharsets.UTF_8));
        } catch (StorageException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the local store; the remote one is the caller's. */
    @Override
    public void close() {
        local.close();
    }
}
