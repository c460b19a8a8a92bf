package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Capabilities;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.WriteOptions;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that passes everything to the real one and counts what writes send: the parts and bytes that went to the
 * destination, and how writes began (afresh or resumed). Counted at the interface, below the transfer under test.
 */
public final class CountingStore implements BlobStore {

    private final BlobStore store;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger parts = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    public CountingStore(BlobStore store) {
        this.store = store;
    }

    /** Writes begun afresh. */
    public int writes() {
        return writes.get();
    }

    /** Writes taken up again (whether the store could or not). */
    public int resumes() {
        return resumes.get();
    }

    /** Parts sent. */
    public int parts() {
        return parts.get();
    }

    /** Bytes sent in parts. */
    public long bytes() {
        return bytes.get();
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
        writes.incrementAndGet();
        return new Counted(store.write(ref, options));
    }

    @Override
    public Optional<BlobWrite> resume(BlobRef ref, String writeId, WriteOptions options) {
        resumes.incrementAndGet();
        return store.resume(ref, writeId, options).map(Counted::new);
    }

    @Override
    public Iterator<BlobPage> list(BlobRef prefix, String delimiter) {
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
        // the real store belongs to the test
    }

    private final class Counted implements BlobWrite {

        private final BlobWrite write;

        Counted(BlobWrite write) {
            this.write = write;
        }

        @Override
        public String id() {
            return write.id();
        }

        @Override
        public void part(byte[] buffer, int length) {
            write.part(buffer, length);
            parts.incrementAndGet();
            bytes.addAndGet(length);
        }

        @Override
        public long committedBytes() {
            return write.committedBytes();
        }

        @Override
        public void replay(byte[] buffer, int length) {
            write.replay(buffer, length);
        }

        @Override
        public void callerHashes() {
            write.callerHashes();
        }

        @Override
        public BlobInfo complete() {
            return write.complete();
        }

        @Override
        public BlobInfo complete(Checksums known) {
            return write.complete(known);
        }

        @Override
        public int requests() {
            return write.requests();
        }

        @Override
        public void abort() {
            write.abort();
        }

        @Override
        public void close() {
            write.close();
        }
    }
}
