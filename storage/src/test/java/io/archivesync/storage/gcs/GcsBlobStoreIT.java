package io.archivesync.storage.gcs;

import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract every store passes, by the GCS store against the in-JVM GCS JSON API fixture of the shared stack. */
@ExtendWith(StackExtension.class)
class GcsBlobStoreIT extends BlobStoreContract {

    private static Storage client;
    private static GcsBlobStore store;

    @BeforeAll
    static void openStore(Storage storage) {
        client = storage;
        store = GcsBlobStore.on(storage, 0);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobRef freshContainer() {
        String bucket = unique("contract");
        client.create(BucketInfo.of(bucket));
        return new BlobRef("gs", bucket, "");
    }
}
