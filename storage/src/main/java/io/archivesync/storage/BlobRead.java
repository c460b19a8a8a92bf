package io.archivesync.storage;

import java.io.InputStream;

/**
 * An object being read: its information, and its content as a stream that must be closed. {@link #abort} stops a read
 * at once (a stalled source, a timed-out copy) without draining what is left.
 */
public interface BlobRead extends AutoCloseable {

    BlobInfo info();

    InputStream content();

    /** Stops the read at once, without reading the rest. */
    void abort();

    @Override
    void close();
}
