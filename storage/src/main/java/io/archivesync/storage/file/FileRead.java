package io.archivesync.storage.file;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/** An open file, its information taken after opening it, and the requested range of it. */
final class FileRead implements BlobRead {

    private final BlobInfo info;
    private final FileChannel channel;
    private final InputStream content;

    FileRead(BlobInfo info, FileChannel channel, long offset, long end) {
        this.info = info;
        this.channel = channel;
        this.content = new FileRangeInputStream(channel, offset, end);
    }

    @Override
    public BlobInfo info() {
        return info;
    }

    @Override
    public InputStream content() {
        return content;
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a read-only channel has nothing to flush
        }
    }
}
