package io.archivesync.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.WriteOptions;
import io.archivesync.storage.transfer.Checkpoint;
import io.archivesync.storage.transfer.CountingStore;
import io.archivesync.storage.transfer.MemoryJournal;
import io.archivesync.storage.transfer.StreamResumeContract;
import io.archivesync.storage.transfer.StreamTransfer;
import io.archivesync.storage.transfer.StreamTransfer.Streamed;
import io.archivesync.storage.transfer.Wire;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a streamed transfer into files: the temporary file is the write's id, and its length (every part synced)
 * is where a resumed write goes on; an abandoned one is deleted. Also what only files show: a temporary file holding
 * other bytes than the source is refused and the transfer starts over, and an id that is not a temporary file of the
 * destination is never written.
 */
class FileStreamResumeTest extends StreamResumeContract {

    private static final int PART = 64 * 1024;

    @TempDir
    Path root;

    private FileBlobStore store;

    @BeforeEach
    void openStore() {
        store = new FileBlobStore(root, 100);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobRef freshContainer() {
        return new BlobRef("file", "", unique("resume"));
    }

    @Override
    protected int partBytes() {
        return PART;
    }

    @Override
    protected boolean isLeftBehind(BlobRef destination, String writeId) {
        return Files.exists(Path.of(writeId));
    }

    /** One per file-system step: the temporary file created or found, each part read back or written, the commit. */
    @Override
    protected int writeRequests(int sent, int held) {
        return 1 + held + sent + 1;
    }

    @Override
    protected Optional<Wire> wire() {
        return Optional.empty();
    }

    @Test
    void shouldStartOverWhenTheTemporaryFileHoldsOtherBytesThanTheSource() throws IOException {
        // Given a transfer that died with two parts in its temporary file, one byte of which was then damaged
        byte[] content = bytes(3 * PART + PART / 2, 7);
        BlobRef source = freshContainer().withKey("source.bin");
        BlobInfo sourceInfo = write(source, content);
        BlobRef destination = freshContainer().withKey("damaged.bin");
        MemoryJournal journal = new MemoryJournal().crashOnceAt(2L * PART);
        assertThatThrownBy(() -> StreamTransfer.stream(store, sourceInfo, store, destination, WriteOptions.DEFAULT,
                null, PART, n -> { }, journal)).isInstanceOf(MemoryJournal.Crash.class);
        Checkpoint checkpoint = journal.find(destination).orElseThrow();
        try (RandomAccessFile file = new RandomAccessFile(checkpoint.writeId(), "rw")) {
            file.seek(PART + 10);
            file.write(~content[PART + 10]);
        }

        // When the transfer runs again
        CountingStore counting = new CountingStore(store);
        Streamed streamed = StreamTransfer.stream(store, sourceInfo, counting, destination, WriteOptions.DEFAULT,
                sha256(content), PART, n -> { }, journal);

        // Then it tried the write, refused it when the bytes differed, and sent every part to a new one
        assertThat(counting.resumes()).isEqualTo(1);
        assertThat(counting.writes()).isEqualTo(1);
        assertThat(counting.parts()).isEqualTo(4);
        assertThat(streamed.resumedBytes()).isZero();
        // and counted both attempts: a GET, the refused write (found, two parts read back, deleted); a GET, the
        // new write (created, four parts, committed)
        assertThat(streamed.requests()).isEqualTo(1 + 4 + 1 + 6);
        assertThat(sha256(Files.readAllBytes(root.resolve(destination.key())))).isEqualTo(sha256(content));
        assertThat(Path.of(checkpoint.writeId())).doesNotExist();
    }

    @Test
    void shouldNotResumeAnIdThatIsNotATemporaryFileOfTheDestination() throws IOException {
        // Given files that are not temporary files of the destination: another object, and another's temporary file
        BlobRef destination = freshContainer().withKey("target.bin");
        BlobRef other = destination.withKey(destination.key().replace("target", "other"));
        write(other, bytes(100, 8));
        BlobWrite othersWrite = store.write(destination.withKey(destination.key() + ".x"), WriteOptions.DEFAULT);
        othersWrite.part(new byte[10], 10);

        // Then neither is taken up, nor changed
        assertThat(store.resume(destination, root.resolve(other.key()).toString(), WriteOptions.DEFAULT)).isEmpty();
        assertThat(store.resume(destination, othersWrite.id(), WriteOptions.DEFAULT)).isEmpty();
        assertThat(store.resume(destination, "../../etc/passwd", WriteOptions.DEFAULT)).isEmpty();
        assertThat(Files.size(root.resolve(other.key()))).isEqualTo(100);
        assertThat(Files.size(Path.of(othersWrite.id()))).isEqualTo(10);
        othersWrite.abort();
    }

    private BlobInfo write(BlobRef ref, byte[] content) {
        try (BlobWrite write = store.write(ref, WriteOptions.DEFAULT)) {
            write.part(content, content.length);
            return write.complete();
        }
    }
}
