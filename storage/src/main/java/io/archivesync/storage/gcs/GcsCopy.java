package io.archivesync.storage.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.CopyWriter;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageClass;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.WriteOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy inside GCS by {@code objects.rewrite}, following rewrite tokens until GCS says done: GCS copies large or
 * cross-location objects over several calls, and a copier that stopped at the first answer would never see them.
 *
 * <p>With no attributes in the options the destination takes the source's (no request body). With some, the source
 * is read first and the destination gets the source's attributes overlaid by the options', from that very generation.
 */
final class GcsCopy {

    private static final Logger LOGGER = LoggerFactory.getLogger(GcsCopy.class);

    private final Storage storage;
    private final long mebibytesPerCall;

    GcsCopy(Storage storage, long mebibytesPerCall) {
        this.storage = storage;
        this.mebibytesPerCall = mebibytesPerCall;
    }

    BlobInfo copy(BlobRef source, BlobRef destination, WriteOptions options) {
        String storageClass = GcsMetadata.storageClass(options);
        List<Storage.BlobTargetOption> preconditions = GcsPreconditions.target(options.precondition());
        Storage.CopyRequest.Builder request = Storage.CopyRequest.newBuilder();
        if (mebibytesPerCall > 0) {
            request.setMegabytesCopiedPerChunk(mebibytesPerCall);
        }
        BlobId target = GcsObjects.blobId(destination);
        if (hasAttributes(options)) {
            Blob from = storage.get(GcsObjects.blobId(source));
            if (from == null) {
                throw GcsErrors.status(404, "no such object", "copying " + source);
            }
            Map<String, String> metadata = new LinkedHashMap<>(
                    options.metadata().isEmpty() && from.getMetadata() != null
                            ? GcsMetadata.withoutNulls(from.getMetadata()) : Map.of());
            metadata.putAll(GcsMetadata.of(options));
            com.google.cloud.storage.BlobInfo.Builder to = com.google.cloud.storage.BlobInfo.newBuilder(target)
                    .setContentType(options.contentType() != null ? options.contentType() : from.getContentType())
                    .setMetadata(metadata);
            StorageClass cls = storageClass != null ? StorageClass.valueOf(storageClass) : from.getStorageClass();
            if (cls != null) {
                to.setStorageClass(cls);
            }
            request.setSource(from.getBlobId()).setTarget(to.build(), preconditions);
        } else {
            request.setSource(GcsObjects.blobId(source)).setTarget(target, preconditions);
        }
        CopyWriter writer = storage.copy(request.build());
        int calls = 1;
        while (!writer.isDone()) {
            writer.copyChunk();
            calls++;
        }
        LOGGER.debug("Copied source={} destination={} bytes={} calls={}", source, destination,
                writer.getTotalBytesCopied(), calls);
        return GcsObjects.fromClient(writer.getResult());
    }

    private static boolean hasAttributes(WriteOptions options) {
        return options.contentType() != null || !options.metadata().isEmpty() || options.storageClass() != null
                || options.modified() != null;
    }
}
