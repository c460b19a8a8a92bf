package io.archivesync.sync.run;

import io.archivesync.avro.ErrorKind;
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
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that fails on purpose: its listing after the first page, or every write after the first N. */
final class FaultyStore implements BlobStore {

    private final BlobStore store;
    private final boolean failListing;
    private final int writesBeforeFailing;
    private final AtomicInteger writes = new AtomicInteger();

    FaultyStore(BlobStore store, boolean failListing, int writesBeforeFailing) {
        this.store = store;
        this.failListing = failListing;
        this.writesBeforeFailing = writesBeforeFailing;
    }

    @Override
    public String scheme() {
        return store.scheme();
    }

    @Override
    public Capabilities capabilities() {
        return store.capabilities();
    }

    @Override
    public CompletableFuture<Optional<BlobInfo>> head(BlobRef ref) {
        return store.head(ref);
    }

    @Override
    public BlobRead read(BlobRef ref, ReadOptions options) {
        return store.read(ref, options);
    }

    @Override
    public BlobWrite write(BlobRef ref, WriteOptions options) {
        if (writes.incrementAndGet() > writesBeforeFailing) {
            throw new StorageException(ErrorKind.TRANSIENT, "InjectedFault", 503, "the connection dropped (a test)",
                    null);
        }
        return store.write(ref, options);
    }

    @Override
    public Iterator<BlobPage> list(BlobRef prefix, String delimiter) {
        if (failListing) {
            throw new StorageException(ErrorKind.TRANSIENT, "InjectedFault", 503, "listing " + prefix
                    + " timed out (a test)", null);
        }
        return store.list(prefix, delimiter);
    }

    @Override
    public CompletableFuture<Void> delete(BlobRef ref, Precondition precondition) {
        return store.delete(ref, precondition);
    }

    @Override
    public Optional<CompletableFuture<BlobInfo>> copy(BlobRef source, String sourceUrl, BlobRef destination,
                                                      WriteOptions options) {
        return store.copy(source, sourceUrl, destination, options);
    }

    @Override
    public void close() {
        // the wrapped store is the fixture's
    }
}
