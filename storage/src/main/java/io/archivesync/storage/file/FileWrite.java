package io.archivesync.storage.file;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A write to a temporary file next to the target ({@link FileKeys#temporary}), renamed into place by
 * {@link FileCommits} on completion: until then, and forever after a crash, nothing is under the real name.
 */
final class FileWrite implements BlobWrite {

    private final BlobRef ref;
    private final Path target;
    private final Path temporary;
    private final WriteOptions options;
    private final FileCommits commits;
    private final FileChannel channel;
    private boolean finished;

    FileWrite(BlobRef ref, Path target, Path temporary, FileChannel channel, WriteOptions options,
              FileCommits commits) {
        this.ref = ref;
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.options = options;
        this.commits = commits;
    }

    @Override
    public String id() {
        return temporary.toString();
    }

    @Override
    public void part(byte[] buffer, int length) {
        requireOpen();
        try {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw FileErrors.of("cannot write " + target + " (to " + temporary + ")", e);
        }
    }

    @Override
    public BlobInfo complete() {
        requireOpen();
        finished = true;
        try {
            channel.force(false);
            channel.close();
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
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted next; nothing written matters any more
        }
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
