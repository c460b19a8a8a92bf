package io.archivesync.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only files do: temporary names, modification times, symbolic links, versions that see a replacement. */
class FileBlobStoreBehaviourTest {

    private static final Instant MODIFIED = Instant.parse("2020-01-02T03:04:05.123456789Z");

    @TempDir
    Path root;

    private FileBlobStore store;

    private FileBlobStore store() {
        if (store == null) {
            store = new FileBlobStore(root, 3);
        }
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void shouldLeaveOnlyAHiddenTemporaryFileWhenAWriterDiesMidWrite() throws IOException {
        // Given a write that received parts and then was never completed nor aborted (its process died)
        BlobRef ref = ref("crash/object.bin");
        BlobWrite write = store().write(ref, WriteOptions.DEFAULT);
        write.part(new byte[1024], 1024);

        // Then the real name does not exist, only a hidden temporary file next to it
        assertThat(root.resolve("crash/object.bin")).doesNotExist();
        try (Stream<Path> files = Files.list(root.resolve("crash"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(name -> assertThat(name).startsWith(".object.bin.archive-sync-").endsWith(".tmp"))
                    .isEqualTo(Path.of(write.id()).getFileName().toString());
        }
        // and neither head nor a listing shows anything
        assertThat(store().head(ref).join()).isEmpty();
        FileListing listing = (FileListing) store().list(ref("crash/"), null);
        assertThat(objects(listing)).isEmpty();
        assertThat(listing.temporary()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheModificationTimeGivenInWriteOptions() throws IOException {
        // When
        BlobInfo written = write("kept/mtime.bin", new byte[10], options(MODIFIED, Precondition.NONE));

        // Then
        assertThat(written.lastModified()).isEqualTo(MODIFIED);
        assertThat(store().head(ref("kept/mtime.bin")).join().orElseThrow().lastModified()).isEqualTo(MODIFIED);
        assertThat(Files.getLastModifiedTime(root.resolve("kept/mtime.bin")).toInstant()).isEqualTo(MODIFIED);
    }

    @Test
    void shouldKeepTheSourcesModificationTimeOnACopy() {
        write("copy/from.bin", new byte[10], options(MODIFIED, Precondition.NONE));

        BlobInfo copied = store().copy(ref("copy/from.bin"), null, ref("copy/to.bin"), WriteOptions.DEFAULT)
                .orElseThrow().join();

        assertThat(copied.lastModified()).isEqualTo(MODIFIED);
        assertThat(copied.ref()).isEqualTo(ref("copy/to.bin"));
    }

    @Test
    void shouldSkipSymlinksInListingsAndRefuseToReadThem() throws IOException {
        // Given a file and a symbolic link to it
        write("links/real.bin", new byte[10], WriteOptions.DEFAULT);
        Files.createSymbolicLink(root.resolve("links/link.bin"), root.resolve("links/real.bin"));

        // Then a listing shows the file only, and counts the link
        FileListing listing = (FileListing) store().list(ref("links/"), null);
        assertThat(objects(listing)).containsExactly("links/real.bin");
        assertThat(listing.skipped()).isEqualTo(1);
        // and reading or heading the link is refused
        assertThatThrownBy(() -> store().read(ref("links/link.bin"), ReadOptions.WHOLE))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID))
                .hasMessageContaining("symlinks are not followed");
        assertThatThrownBy(() -> store().head(ref("links/link.bin")).join())
                .hasCauseInstanceOf(StorageException.class).hasMessageContaining("symlinks are not followed");
    }

    @Test
    void shouldRefuseToCompleteWhenTheFileWasReplacedSinceItsHeadEvenWithTheSameSizeAndTime() {
        // Given a file, and the version a decision saw
        write("guarded.bin", new byte[] {1, 1, 1}, options(MODIFIED, Precondition.NONE));
        String seen = store().head(ref("guarded.bin")).join().orElseThrow().version();
        BlobWrite write = store().write(ref("guarded.bin"), options(null, Precondition.ifVersion(seen)));
        write.part(new byte[] {3, 3, 3}, 3);

        // When another writer replaces it (same size, same modification time) before the write completes
        write("guarded.bin", new byte[] {2, 2, 2}, options(MODIFIED, Precondition.NONE));

        // Then completing is refused, the other writer's content stays, and no temporary file is left
        assertThatThrownBy(write::complete).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PRECONDITION));
        assertThat(read("guarded.bin")).containsExactly(2, 2, 2);
        assertThat(root.toFile().list()).containsExactly("guarded.bin");
    }

    @Test
    void shouldRefuseMustBeAbsentWhenAnotherWriterGotThereFirst() {
        BlobWrite write = store().write(ref("race.bin"), options(null, Precondition.mustBeAbsent()));
        write.part(new byte[] {1}, 1);
        write("race.bin", new byte[] {2}, WriteOptions.DEFAULT);

        assertThatThrownBy(write::complete).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PRECONDITION));
        assertThat(read("race.bin")).containsExactly(2);
        assertThat(root.toFile().list()).containsExactly("race.bin");
    }

    @Test
    void shouldListKeysInKeyOrderAcrossDirectories() {
        for (String key : List.of("o/a0", "o/a/x", "o/a.bin", "o/b/c/d", "o/a/y")) {
            write(key, new byte[1], WriteOptions.DEFAULT);
        }

        assertThat(objects(store().list(ref("o/"), null)))
                .containsExactly("o/a.bin", "o/a/x", "o/a/y", "o/a0", "o/b/c/d");
        assertThat(objects(store().list(ref("o/a"), null))).containsExactly("o/a.bin", "o/a/x", "o/a/y", "o/a0");
    }

    @Test
    void shouldRefuseKeysThatWouldNotListUnderTheirOwnName() {
        for (String key : List.of("a/../b", "a//b", "./a", "dir/")) {
            assertThatThrownBy(() -> store().write(ref(key), WriteOptions.DEFAULT))
                    .as(key).isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID));
        }
    }

    @Test
    void shouldReportAKeyUnderAFileAsMissing() {
        write("plain.bin", new byte[1], WriteOptions.DEFAULT);

        assertThat(store().head(ref("plain.bin/inner")).join()).isEmpty();
        assertThatThrownBy(() -> store().read(ref("plain.bin/inner"), ReadOptions.WHOLE))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    private BlobRef ref(String key) {
        return new BlobRef("file", "", key);
    }

    private BlobInfo write(String key, byte[] bytes, WriteOptions options) {
        try (BlobWrite write = store().write(ref(key), options)) {
            write.part(bytes, bytes.length);
            return write.complete();
        }
    }

    private byte[] read(String key) {
        try (var read = store().read(ref(key), ReadOptions.WHOLE); InputStream in = read.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WriteOptions options(Instant modified, Precondition precondition) {
        return new WriteOptions(null, Map.of(), null, -1, null, modified, precondition);
    }

    private static List<String> objects(Iterator<BlobPage> pages) {
        List<String> keys = new ArrayList<>();
        pages.forEachRemaining(p -> p.objects().forEach(o -> keys.add(o.ref().key())));
        return keys;
    }
}
