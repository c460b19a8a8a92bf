package io.archivesync.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import io.archivesync.storage.file.FileBlobStore;
import io.archivesync.storage.transfer.StreamTransfer.Streamed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a streamed transfer into each provider, on its real server or fixture (a subclass per provider): a copier
 * dies once the destination holds two parts of a three-and-a-half-part object, and the next run goes on from there.
 * The source is a file store in a temporary directory, whose versions change when a file is rewritten. Also the
 * storage requests a transfer reports, per provider, held to what the wire carried where there is one.
 */
public abstract class StreamResumeContract {

    @TempDir
    Path sourceRoot;

    private FileBlobStore sources;

    /** The destination store under test. */
    protected abstract BlobStore store();

    /** A fresh, empty, writable location for one test. */
    protected abstract BlobRef freshContainer();

    /** The part size: the provider's smallest part (S3: 5 MiB) or any convenient size. */
    protected abstract int partBytes();

    /** Whether the destination store still holds write {@code writeId} of {@code destination} unfinished. */
    protected abstract boolean isLeftBehind(BlobRef destination, String writeId);

    /**
     * The requests a write into this store makes by its protocol.
     *
     * @param sent the parts sent
     * @param held the parts a resumed write held already (0: a fresh write)
     */
    protected abstract int writeRequests(int sent, int held);

    /** The store on the same server with its HTTP requests counted; empty where nothing goes over a wire (files). */
    protected abstract Optional<Wire> wire();

    /** Whether aborting a write releases what it staged at once (not Azure's blocks, kept until the next commit). */
    protected boolean abortReleasesStagedBytes() {
        return true;
    }

    @BeforeEach
    void openSources() {
        sources = new FileBlobStore(sourceRoot, 100);
    }

    @AfterEach
    void closeSources() {
        sources.close();
    }

    @Test
    void shouldResumeFromThePartsTheDestinationHoldsAfterACrashAndWriteTheSameObject() {
        // Given a transfer of three and a half parts that died once the destination held two
        int part = partBytes();
        byte[] content = bytes(3 * part + part / 2, 1);
        BlobInfo source = writeSource(content);
        BlobRef destination = freshContainer().withKey("resumed/object.bin");
        MemoryJournal journal = new MemoryJournal().crashOnceAt(2L * part);
        WriteOptions options = checked(content);
        assertThatThrownBy(() -> StreamTransfer.stream(sources, source, store(), destination, options, sha256(content),
                part, n -> { }, journal)).isInstanceOf(MemoryJournal.Crash.class);
        Checkpoint checkpoint = journal.find(destination).orElseThrow();
        assertThat(checkpoint.committedBytes()).isEqualTo(2L * part);
        assertThat(head(destination)).isEmpty();
        assertThat(isLeftBehind(destination, checkpoint.writeId())).isTrue();

        // When it runs again with the same journal
        Optional<Wire> wire = wire();
        CountingStore counting = new CountingStore(wire.map(Wire::store).orElse(store()));
        int wireBefore = wire.map(w -> w.requests().getAsInt()).orElse(0);
        Streamed streamed = StreamTransfer.stream(sources, source, counting, destination, options, sha256(content),
                part, n -> { }, journal);
        int onTheWire = wire.map(w -> w.requests().getAsInt()).orElse(0) - wireBefore;

        // Then it took the write up and sent only the last part and a half
        assertThat(counting.resumes()).isEqualTo(1);
        assertThat(counting.writes()).isZero();
        assertThat(streamed.resumedBytes()).isEqualTo(2L * part);
        assertThat(counting.parts()).isEqualTo(2);
        assertThat(counting.bytes()).isEqualTo(content.length - 2L * part);
        // and it counted the source's read and the resumed write's requests, finding its parts included, as sent
        assertThat(streamed.requests()).isEqualTo(1 + writeRequests(2, 2));
        wire.ifPresent(w -> assertThat(onTheWire).isEqualTo(streamed.requests() - 1));
        // and the object is the source's, byte for byte, its write finished and forgotten
        assertThat(streamed.computed().sha256()).isEqualTo(sha256(content));
        assertThat(sha256(readBack(destination))).isEqualTo(sha256(content));
        assertThat(head(destination).orElseThrow().size()).isEqualTo(content.length);
        assertThat(journal.find(destination)).isEmpty();
        assertThat(isLeftBehind(destination, checkpoint.writeId())).isFalse();
    }

    @Test
    void shouldStartOverAndLeaveNoOrphanWhenTheSourceChangedSinceTheCheckpoint() {
        // Given a transfer that died with two parts at the destination
        int part = partBytes();
        byte[] before = bytes(3 * part + part / 2, 2);
        BlobInfo source = writeSource(before);
        BlobRef destination = freshContainer().withKey("changed/object.bin");
        MemoryJournal journal = new MemoryJournal().crashOnceAt(2L * part);
        assertThatThrownBy(() -> StreamTransfer.stream(sources, source, store(), destination, WriteOptions.DEFAULT,
                null, part, n -> { }, journal)).isInstanceOf(MemoryJournal.Crash.class);
        String oldWrite = journal.find(destination).orElseThrow().writeId();
        // and a source replaced since, with as many bytes
        byte[] after = bytes(before.length, 3);
        BlobInfo changed = writeSource(after);
        assertThat(changed.version()).isNotEqualTo(source.version());

        // When the transfer runs again
        CountingStore counting = new CountingStore(store());
        Streamed streamed = StreamTransfer.stream(sources, changed, counting, destination, WriteOptions.DEFAULT,
                sha256(after), part, n -> { }, journal);

        // Then it started over, sending every part, and the object is the new source's
        assertThat(counting.writes()).isEqualTo(1);
        assertThat(streamed.resumedBytes()).isZero();
        assertThat(counting.parts()).isEqualTo(4);
        assertThat(sha256(readBack(destination))).isEqualTo(sha256(after));
        // and the old write was given up, not left behind
        assertThat(isLeftBehind(destination, oldWrite)).isFalse();
        assertThat(journal.find(destination)).isEmpty();
    }

    @Test
    void shouldAbortAnAbandonedWriteAndForgetItsCheckpoint() {
        // Given a transfer that died with two parts at the destination
        int part = partBytes();
        BlobInfo source = writeSource(bytes(3 * part, 4));
        BlobRef destination = freshContainer().withKey("abandoned/object.bin");
        MemoryJournal journal = new MemoryJournal().crashOnceAt(2L * part);
        assertThatThrownBy(() -> StreamTransfer.stream(sources, source, store(), destination, WriteOptions.DEFAULT,
                null, part, n -> { }, journal)).isInstanceOf(MemoryJournal.Crash.class);
        Checkpoint checkpoint = journal.find(destination).orElseThrow();

        // When it will not be run again, and is abandoned
        StreamTransfer.abandon(store(), checkpoint, journal);

        // Then its write is gone (Azure keeps staged blocks until the blob's next commit), nothing is visible,
        // and the journal forgot it
        assertThat(isLeftBehind(destination, checkpoint.writeId())).isEqualTo(!abortReleasesStagedBytes());
        assertThat(head(destination)).isEmpty();
        assertThat(journal.find(destination)).isEmpty();
        assertThat(store().resume(destination, checkpoint.writeId(), WriteOptions.DEFAULT)
                .map(BlobWrite::committedBytes)).isEqualTo(abortReleasesStagedBytes() ? Optional.empty()
                : Optional.of(2L * part));
    }

    @Test
    void shouldAbortTheWriteWhenTheContentIsWrongEvenWithAJournal() {
        // Given a source whose bytes are not the published SHA-256
        int part = partBytes();
        byte[] content = bytes(2 * part + part / 2, 5);
        BlobInfo source = writeSource(content);
        BlobRef destination = freshContainer().withKey("wrong/object.bin");
        MemoryJournal journal = new MemoryJournal();
        String[] writeId = new String[1];
        TransferJournal watching = new TransferJournal() {
            @Override
            public Optional<Checkpoint> find(BlobRef ref) {
                return journal.find(ref);
            }

            @Override
            public void progress(Checkpoint checkpoint) {
                writeId[0] = checkpoint.writeId();
                journal.progress(checkpoint);
            }

            @Override
            public void done(BlobRef ref) {
                journal.done(ref);
            }
        };

        // When it is streamed
        assertThatThrownBy(() -> StreamTransfer.stream(sources, source, store(), destination, WriteOptions.DEFAULT,
                "00".repeat(32), part, n -> { }, watching))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.CHECKSUM));

        // Then nothing is visible, the write was aborted rather than kept for resuming, and the journal forgot it
        assertThat(head(destination)).isEmpty();
        assertThat(writeId[0]).isNotNull();
        assertThat(isLeftBehind(destination, writeId[0])).isEqualTo(!abortReleasesStagedBytes());
        assertThat(journal.find(destination)).isEmpty();
    }

    @Test
    void shouldReportTheRequestsTheDestinationWasSentForOnePartAndForSeveral() {
        int part = partBytes();
        Optional<Wire> wire = wire();
        BlobStore to = wire.map(Wire::store).orElse(store());
        BlobRef container = freshContainer();
        // half a part, then three and a half parts
        for (int parts : new int[] {1, 4}) {
            // Given a source of that many parts
            byte[] content = bytes(parts == 1 ? part / 2 : 3 * part + part / 2, 6 + parts);
            BlobInfo source = writeSource(content);
            int wireBefore = wire.map(w -> w.requests().getAsInt()).orElse(0);

            // When it is streamed, its SHA-256 checked
            Streamed streamed = StreamTransfer.stream(sources, source, to, container.withKey("counted/" + parts),
                    checked(content), sha256(content), part, n -> { });

            // Then the requests are the source's GET and the write's, as many as went to the destination
            assertThat(streamed.requests()).as("%d part(s)", parts).isEqualTo(1 + writeRequests(parts, 0));
            int onTheWire = wire.map(w -> w.requests().getAsInt()).orElse(0) - wireBefore;
            wire.ifPresent(w -> assertThat(onTheWire).as("%d part(s) on the wire", parts)
                    .isEqualTo(streamed.requests() - 1));
            assertThat(sha256(readBack(container.withKey("counted/" + parts)))).isEqualTo(sha256(content));
            // and what the store keeps of the checksums it was given (Azure's Content-MD5) is the content's
            assertThat(head(container.withKey("counted/" + parts)).orElseThrow().checksums()
                    .contradicts(streamed.computed())).isFalse();
        }
    }

    /** Writes the source file (a new version each time) and returns what its store says about it. */
    private BlobInfo writeSource(byte[] content) {
        BlobRef ref = new BlobRef("file", "", "source/object.bin");
        try (BlobWrite write = sources.write(ref, WriteOptions.DEFAULT)) {
            write.part(content, content.length);
            write.complete();
        }
        return sources.head(ref).join().orElseThrow();
    }

    private Optional<BlobInfo> head(BlobRef ref) {
        try {
            return store().head(ref).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] readBack(BlobRef ref) {
        try (BlobRead read = store().read(ref, ReadOptions.WHOLE); InputStream in = read.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WriteOptions checked(byte[] content) {
        return new WriteOptions("application/octet-stream", Map.of("origin", "resume"), null, -1, sha256(content), null,
                Precondition.NONE);
    }

    /** A name no other test run uses. */
    protected static String unique(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
