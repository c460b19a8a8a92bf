package io.archivesync.storage.file;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

/**
 * A write to a temporary file next to the target ({@link FileKeys#temporary}), renamed into place by
 * {@link FileCommits} on completion: until then, and forever after a crash, nothing is under the real name.
 *
 * <p>Each part is written at its offset and synced before {@link #part} returns, and the file is opened for that part
 * alone, so a write holds no descriptor between parts and one left behind (its process died, or its caller keeps it
 * for resuming) leaks nothing. The file's length is then what a resumed write goes on from: whole parts, or after a
 * crash in the middle of one, the part's bytes that reached the file, which are as good a start as any since they
 * are the content's next bytes. The bytes {@link #replay replayed} are compared with the file's, so a file that holds
 * anything else (a torn write after a power cut on a file system that does not order data before size) is refused.
 *
 * <p>{@link #requests}: each step on the file system counts as one storage request, as the copier counts a file's
 * HEAD: creating the temporary file (or finding it again), each part, each replayed part read back, the commit (or
 * the abort's delete).
 */
final class FileWrite implements BlobWrite {

    private final BlobRef ref;
    private final Path target;
    private final Path temporary;
    private final WriteOptions options;
    private final FileCommits commits;
    private long written;
    private long replayed;
    private boolean finished;
    private int requests = 1;

    /**
     * @param temporary the temporary file, which exists (created or found again: the write's first step)
     * @param written   its length: what it holds already (0 for a new write)
     */
    FileWrite(BlobRef ref, Path target, Path temporary, long written, WriteOptions options, FileCommits commits) {
        this.ref = ref;
        this.target = target;
        this.temporary = temporary;
        this.written = written;
        this.options = options;
        this.commits = commits;
    }

    @Override
    public String id() {
        return temporary.toString();
    }

    @Override
    public long committedBytes() {
        return written;
    }

    @Override
    public int requests() {
        return requests;
    }

    @Override
    public void replay(byte[] buffer, int length) {
        requireOpen();
        requests++;
        if (replayed + length > written) {
            throw new IllegalStateException("replaying " + (replayed + length) + " bytes of " + temporary
                    + ", which holds " + written);
        }
        byte[] held = new byte[length];
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = ByteBuffer.wrap(held);
            while (bytes.hasRemaining() && channel.read(bytes, replayed + bytes.position()) >= 0) {
                // read on until the range is in
            }
        } catch (IOException e) {
            throw FileErrors.of("cannot read back " + temporary + " to resume the write of " + target, e);
        }
        if (!Arrays.equals(held, 0, length, buffer, 0, length)) {
            throw new StorageException(ErrorKind.CHECKSUM, "ResumedBytesDiffer", -1, temporary + " holds other bytes"
                    + " than the source in [" + replayed + ", " + (replayed + length) + "); " + ref
                    + " cannot be resumed from it", null);
        }
        replayed += length;
    }

    @Override
    public void part(byte[] buffer, int length) {
        requireOpen();
        requests++;
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes, written + bytes.position());
            }
            channel.force(false);
        } catch (IOException e) {
            throw FileErrors.of("cannot write " + target + " (to " + temporary + ")", e);
        }
        written += length;
    }

    @Override
    public BlobInfo complete() {
        requireOpen();
        finished = true;
        requests++;
        try {
            if (options.modified() != null) {
                Files.setLastModifiedTime(temporary, FileTime.from(options.modified()));
            }
        } catch (IOException e) {
            FileCommits.discard(temporary);
            throw FileErrors.of("cannot finish " + target + " (in " + temporary + ")", e);
        }
        return commits.commit(temporary, target, ref, options.precondition());
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        requests++;
        FileCommits.discard(temporary);
    }

    @Override
    public void close() {
        abort();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the write of " + target + " is already complete or aborted");
        }
    }
}
