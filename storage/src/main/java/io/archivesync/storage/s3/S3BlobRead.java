package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.core.s3.ETags;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * An S3 GetObject being read. {@link #abort} drops the connection (what the SDK asks for when a stream is left
 * unread); {@link #close} closes the stream, which lets the HTTP client reuse the connection after draining it.
 */
final class S3BlobRead implements BlobRead {

    private static final Logger LOGGER = LoggerFactory.getLogger(S3BlobRead.class);

    private final BlobInfo info;
    private final InputStream stream;

    private S3BlobRead(BlobInfo info, InputStream stream) {
        this.info = info;
        this.stream = stream;
    }

    /** GetObject of the range, conditional on the version; a range of no bytes is a HEAD (S3 has no empty range). */
    static BlobRead open(S3Client s3, BlobRef ref, ReadOptions read) {
        try {
            if (read.length() == 0) {
                HeadObjectResponse head = s3.headObject(b -> b.bucket(ref.container()).key(ref.key())
                        .ifMatch(ETags.quote(read.ifVersion())).checksumMode(ChecksumMode.ENABLED));
                return new S3BlobRead(S3Objects.fromHead(ref, head), new ByteArrayInputStream(new byte[0]));
            }
            String range = read.offset() == 0 && read.length() < 0 ? null : "bytes=" + read.offset() + "-"
                    + (read.length() < 0 ? "" : String.valueOf(read.offset() + read.length() - 1));
            var stream = s3.getObject(b -> b.bucket(ref.container()).key(ref.key()).range(range)
                    .ifMatch(ETags.quote(read.ifVersion())));
            return new S3BlobRead(S3Objects.fromGet(ref, stream.response()), stream);
        } catch (RuntimeException e) {
            StorageException failure = S3Errors.classify(e, "GetObject " + ref);
            if (failure.status() == 404 && "HTTP404".equals(failure.code())) {
                // a HEAD's 404 has no body to name it
                throw new StorageException(ErrorKind.NOT_FOUND, "NoSuchKey", 404, failure.getMessage(), e);
            }
            throw failure;
        }
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
        if (stream instanceof ResponseInputStream<?> response) {
            response.abort();
        }
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
