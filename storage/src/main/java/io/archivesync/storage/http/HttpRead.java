package io.archivesync.storage.http;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import java.io.IOException;
import java.io.InputStream;

/** A GET's body; closing or aborting it before its end drops the connection rather than reading the rest. */
final class HttpRead implements BlobRead {

    private final BlobInfo info;
    private final InputStream body;
    private final InputStream content;

    HttpRead(BlobInfo info, InputStream body, InputStream content) {
        this.info = info;
        this.body = body;
        this.content = content;
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
        closeQuietly(body);
    }

    static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }
}
