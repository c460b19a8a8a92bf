package io.archivesync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.archivesync.avro.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do, run against each provider on its real (or fixture) server by a subclass: the
 * same behaviour everywhere is what lets the copier's strategies work on the interface alone.
 */
public abstract class BlobStoreContract {

    /** 5 MiB: S3's smallest part but the last; every store accepts parts of this size. */
    protected static final int PART = 5 * 1024 * 1024;

    /** The store under test. */
    protected abstract BlobStore store();

    /** A fresh, empty, writable location (a new bucket or container, or a new directory) for one test. */
    protected abstract BlobRef freshContainer();

    @Test
    void shouldWriteAnObjectThenShowItByHeadAndReadItBackWhole() {
        // Given
        BlobRef ref = freshContainer().withKey("dir/small.bin");
        byte[] bytes = bytes(1000, 1);

        // When
        BlobInfo written = writeWhole(ref, bytes, new WriteOptions("application/zip", Map.of("origin", "test"),
                null, bytes.length, null, null, Precondition.NONE));

        // Then
        BlobInfo head = head(ref).orElseThrow();
        assertThat(head.size()).isEqualTo(bytes.length);
        assertThat(head.version()).isNotBlank().isEqualTo(written.version());
        assertThat(head.metadata()).containsEntry("origin", "test");
        assertThat(readAll(ref, ReadOptions.WHOLE)).isEqualTo(bytes);
        assertThat(head.checksums().contradicts(new Checksums(hex("MD5", bytes), null, hex("SHA-256", bytes))))
                .isFalse();
    }

    @Test
    void shouldReadARangeOfAnObject() {
        BlobRef ref = freshContainer().withKey("range.bin");
        byte[] bytes = bytes(4096, 2);
        writeWhole(ref, bytes, WriteOptions.DEFAULT);

        assertThat(readAll(ref, ReadOptions.range(100, 50))).isEqualTo(java.util.Arrays.copyOfRange(bytes, 100, 150));
        assertThat(readAll(ref, ReadOptions.range(4000, -1))).isEqualTo(java.util.Arrays.copyOfRange(bytes, 4000, 4096));
    }

    @Test
    void shouldWriteInPartsAndShowNothingUntilComplete() {
        // Given a write of two parts (one full part, one short), not yet complete
        BlobRef ref = freshContainer().withKey("big/two-parts.bin");
        byte[] first = bytes(PART, 3);
        byte[] last = bytes(1024 * 1024, 4);
        try (BlobWrite write = store().write(ref, WriteOptions.DEFAULT)) {
            write.part(first, first.length);
            write.part(last, last.length);

            // Then nothing is visible yet
            assertThat(head(ref)).isEmpty();

            // When it completes, the whole object is there
            BlobInfo done = write.complete();
            assertThat(done.size()).isEqualTo(first.length + last.length);
        }
        byte[] read = readAll(ref, ReadOptions.WHOLE);
        assertThat(read).hasSize(first.length + last.length);
        assertThat(java.util.Arrays.copyOfRange(read, PART, read.length)).isEqualTo(last);
    }

    @Test
    void shouldLeaveNothingBehindAnAbortedWrite() {
        BlobRef ref = freshContainer().withKey("aborted.bin");
        byte[] part = bytes(PART, 5);
        BlobWrite write = store().write(ref, WriteOptions.DEFAULT);
        write.part(part, part.length);

        write.abort();

        assertThat(head(ref)).isEmpty();
        assertThat(keys(ref.withKey(""), null)).doesNotContain("aborted.bin");
    }

    @Test
    void shouldListEveryObjectUnderAPrefixAndOneLevelWithADelimiter() {
        BlobRef root = freshContainer();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String key = "list/a/" + String.format("%02d", i) + ".bin";
            writeWhole(root.withKey(key), bytes(10, i), WriteOptions.DEFAULT);
            written.add(key);
        }
        writeWhole(root.withKey("list/b/x.bin"), bytes(10, 99), WriteOptions.DEFAULT);
        writeWhole(root.withKey("other.bin"), bytes(10, 98), WriteOptions.DEFAULT);

        assertThat(keys(root.withKey("list/a/"), null)).containsExactlyInAnyOrderElementsOf(written);
        List<BlobRef> prefixes = new ArrayList<>();
        store().list(root.withKey("list/"), "/").forEachRemaining(p -> prefixes.addAll(p.prefixes()));
        assertThat(prefixes).extracting(BlobRef::key).containsExactlyInAnyOrder("list/a/", "list/b/");
    }

    @Test
    void shouldDeleteAnObjectAndSucceedDeletingOneThatIsGone() {
        BlobRef ref = freshContainer().withKey("gone.bin");
        writeWhole(ref, bytes(10, 6), WriteOptions.DEFAULT);

        join(store().delete(ref, Precondition.NONE));
        join(store().delete(ref, Precondition.NONE));

        assertThat(head(ref)).isEmpty();
    }

    @Test
    void shouldReportAMissingObjectAsNotFound() {
        BlobRef ref = freshContainer().withKey("missing.bin");

        assertThatThrownBy(() -> store().read(ref, ReadOptions.WHOLE).close())
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.NOT_FOUND));
        assertThat(head(ref)).isEmpty();
    }

    @Test
    void shouldRefuseAWriteWhosePreconditionNoLongerHolds() {
        // Given an object, and the version a decision saw
        BlobRef ref = freshContainer().withKey("guarded.bin");
        String seen = writeWhole(ref, bytes(10, 7), WriteOptions.DEFAULT).version();
        writeWhole(ref, bytes(11, 8), WriteOptions.DEFAULT); // changed since

        // When a write conditional on what was seen, or on absence, comes
        assertThatThrownBy(() -> writeWhole(ref, bytes(12, 9), withPrecondition(Precondition.ifVersion(seen))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.PRECONDITION));
        assertThatThrownBy(() -> writeWhole(ref, bytes(12, 9), withPrecondition(Precondition.mustBeAbsent())))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.PRECONDITION));

        // Then the object is the one that changed it, untouched
        assertThat(readAll(ref, ReadOptions.WHOLE)).isEqualTo(bytes(11, 8));
    }

    @Test
    void shouldCopyWithinTheStoreWithoutTheBytesPassingThroughUs() {
        assumeThat(store().capabilities().serverSideCopy()).as("this store copies server-side").isTrue();
        BlobRef from = freshContainer().withKey("copy/from.bin");
        byte[] bytes = bytes(3000, 10);
        writeWhole(from, bytes, new WriteOptions("text/plain", Map.of("k", "v"), null, bytes.length, null, null,
                Precondition.NONE));
        BlobRef to = freshContainer().withKey("copy/to.bin");

        BlobInfo copied = join(store().copy(from, null, to, WriteOptions.DEFAULT).orElseThrow());

        assertThat(copied.size()).isEqualTo(bytes.length);
        assertThat(readAll(to, ReadOptions.WHOLE)).isEqualTo(bytes);
    }

    // --- helpers for subclasses and the tests above ---

    protected BlobInfo writeWhole(BlobRef ref, byte[] bytes, WriteOptions options) {
        try (BlobWrite write = store().write(ref, options)) {
            write.part(bytes, bytes.length);
            return write.complete();
        }
    }

    protected byte[] readAll(BlobRef ref, ReadOptions options) {
        try (BlobRead read = store().read(ref, options); InputStream in = read.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Optional<BlobInfo> head(BlobRef ref) {
        return join(store().head(ref));
    }

    protected List<String> keys(BlobRef prefix, String delimiter) {
        List<String> keys = new ArrayList<>();
        Iterator<BlobPage> pages = store().list(prefix, delimiter);
        pages.forEachRemaining(p -> p.objects().forEach(o -> keys.add(o.ref().key())));
        return keys;
    }

    protected static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WriteOptions withPrecondition(Precondition p) {
        return new WriteOptions(null, Map.of(), null, -1, null, null, p);
    }

}
