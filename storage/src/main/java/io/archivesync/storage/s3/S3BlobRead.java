package io.archivesync.storage.s3;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An S3 GetObject being read. {@link #abort} drops the connection (what the SDK asks for when a stream is left
 * unread); {@link #close} closes the stream, which lets the HTTP client reuse the connection after draining it.
 */
final class S3BlobRead implements BlobRead {

    private static final Logger LOGGER = LoggerFactory.getLogger(S3BlobRead.class);

    private final BlobInfo info;
    private final ResponseInputStream<GetObjectResponse> stream;

    S3BlobRead(BlobInfo info, ResponseInputStream<GetObjectResponse> stream) {
        this.info = info;
        this.stream = stream;
    }

    @Override
    public BlobInfo info() {
        return info;
    }

    @Override
    public InputStream content() {
        return stream;
    }

    @Override
    public void abort() {
        stream.abort();
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            LOGGER.debug("closing a read failed ref={} error={}", info.ref(), e.toString());
        }
    }
}
