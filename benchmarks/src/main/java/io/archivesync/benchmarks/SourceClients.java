package io.archivesync.benchmarks;

import io.archivesync.core.config.S3Settings;
import io.archivesync.embedded.Stack;
import io.archivesync.storage.s3.S3BlobStore;
import io.archivesync.storage.s3.S3StoreOptions;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The two ways to the source S3 that the contenders use: our {@link S3BlobStore} with clients of its own (as
 * archive-sync builds them), and a plain SDK v2 client as a user builds it (endpoint, region, keys, path style).
 */
record SourceClients(S3BlobStore store, S3Client plain) implements AutoCloseable {

    static SourceClients on(Stack.S3Endpoint s3) {
        S3Settings settings = new S3Settings(s3.endpoint().toString(), s3.region(), s3.accessKey(), s3.secretKey(),
                true, 8);
        return new SourceClients(S3BlobStore.create(settings, false, S3StoreOptions.DEFAULTS), s3.newClient());
    }

    @Override
    public void close() {
        store.close();
        plain.close();
    }
}
