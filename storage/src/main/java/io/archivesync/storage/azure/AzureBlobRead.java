package io.archivesync.storage.azure;

import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.ConsistentReadControl;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.specialized.BlobClientBase;
import com.azure.storage.blob.specialized.BlobInputStream;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blob being read through the client's {@link BlobInputStream}: one Get Blob Properties at open (which is where a
 * missing blob or a stale If-Match is refused), then ranged Get Blob calls of {@link #CHUNK_BYTES} each, all pinned to
 * the ETag seen at open, so a blob replaced mid-read fails the read instead of mixing two versions. Memory stays at one
 * chunk; {@link #abort} closes the stream, so at most the chunk in flight is still fetched.
 */
final class AzureBlobRead implements BlobRead {

    private static final Logger LOGGER = LoggerFactory.getLogger(AzureBlobRead.class);
    static final int CHUNK_BYTES = 4 * 1024 * 1024;

    private final BlobInfo info;
    private final InputStream content;

    private AzureBlobRead(BlobInfo info, InputStream content) {
        this.info = info;
        this.content = content;
    }

    /** Opens the blob (blocking); failures are classified. */
    static AzureBlobRead open(BlobClientBase blob, BlobRef ref, ReadOptions options) {
        BlobRequestConditions conditions = options.ifVersion() == null ? null
                : new BlobRequestConditions().setIfMatch(AzureBlobs.quote(options.ifVersion()));
        try {
            if (options.length() == 0) {
                BlobInfo info = AzureBlobs.info(ref, blob.getPropertiesWithResponse(conditions, null, null)
                        .getValue());
                return new AzureBlobRead(info, InputStream.nullInputStream());
            }
            BlobInputStream in = blob.openInputStream(new BlobInputStreamOptions()
                    .setRange(new BlobRange(options.offset(), options.length() < 0 ? null : options.length()))
                    .setRequestConditions(conditions)
                    .setBlockSize(CHUNK_BYTES)
                    .setConsistentReadControl(ConsistentReadControl.ETAG));
            return new AzureBlobRead(AzureBlobs.info(ref, in.getProperties()), in);
        } catch (RuntimeException e) {
            throw AzureErrors.classify(e, "read " + ref);
        }
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
            content.close();
        } catch (IOException e) {
            LOGGER.debug("Closing read of blob={} failed: {}", info.ref(), e.toString());
        }
    }
}
