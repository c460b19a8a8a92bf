package io.archivesync.storage.gcs;

import com.google.cloud.ReadChannel;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An object being read through the client's {@link ReadChannel}, pinned to the generation its information describes,
 * so an object replaced mid-read fails the read instead of mixing two versions.
 */
final class GcsBlobRead implements BlobRead {

    private static final Logger LOGGER = LoggerFactory.getLogger(GcsBlobRead.class);

    private final BlobInfo info;
    private final ReadChannel channel;
    private final InputStream content;

    /** @param channel the open channel, or null for an empty range (nothing to fetch) */
    GcsBlobRead(BlobInfo info, ReadChannel channel) {
        this.info = info;
        this.channel = channel;
        this.content = channel == null ? InputStream.nullInputStream() : Channels.newInputStream(channel);
    }

    @Override
    public BlobInfo info() {
        return info;
    }

    @Override
    public InputStream content() {
        return content;
    }

    /** Closes the channel, which drops its HTTP response without reading the rest. */
    @Override
    public void abort() {
        LOGGER.debug("Read aborted object={}", info.ref());
        close();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close();
        }
    }
}
