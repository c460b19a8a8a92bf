package io.archivesync.benchmarks;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.WriteOptions;
import io.archivesync.storage.transfer.StreamTransfer;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The two ways {@link CrossProviderStreamingBenchmark} copies the S3 object to another provider. */
enum CrossProviderContender {

    /**
     * Ours: a HEAD for the source's version and checksums (what {@link StreamTransfer} pins the read to and checks
     * against), then {@link StreamTransfer#stream}: one GET, hashed on the way, parts of the given size written with
     * the destination store, checked against the expected SHA-256 before the object becomes visible.
     */
    ARCHIVE_SYNC {
        @Override
        String label(CopyDestination to, int partBytes) {
            return "archive-sync StreamTransfer.stream (" + (partBytes >> 20) + " MiB parts)";
        }

        @Override
        int copy(SourceClients from, SourceObject source, CopyDestination to, String key, int partBytes) {
            BlobRef ref = new BlobRef("s3", source.bucket(), source.key());
            BlobInfo info = from.store().head(ref).join()
                    .orElseThrow(() -> new IllegalStateException(ref + " is missing"));
            StreamTransfer.Streamed streamed = StreamTransfer.stream(from.store(), info, to.store(), to.ref(key),
                    WriteOptions.DEFAULT, source.sha256(), partBytes, bytes -> { });
            return streamed.requests();
        }
    },

    /** The simple thing a user would write: the SDK v2 GetObject stream handed to the destination SDK's upload. */
    PLAIN_SDK {
        @Override
        String label(CopyDestination to, int partBytes) {
            return "plain SDK: S3Client.getObject → " + to.plainCall();
        }

        @Override
        int copy(SourceClients from, SourceObject source, CopyDestination to, String key, int partBytes)
                throws IOException {
            try (ResponseInputStream<GetObjectResponse> in = from.plain().getObject(b -> b.bucket(source.bucket())
                    .key(source.key()))) {
                to.plainUpload(key, in, in.response().contentLength());
            }
            return -1;
        }
    };

    abstract String label(CopyDestination to, int partBytes);

    /** Copies the source to {@code key} in {@code to}; the storage requests the copy reports itself, or -1. */
    abstract int copy(SourceClients from, SourceObject source, CopyDestination to, String key, int partBytes)
            throws IOException;
}
