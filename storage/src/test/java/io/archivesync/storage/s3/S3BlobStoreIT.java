package io.archivesync.storage.s3;

import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract every store passes, by the S3 store on the stack's S3 server (S3Proxy, unless S3_ENDPOINT is set). */
@ExtendWith(StackExtension.class)
class S3BlobStoreIT extends BlobStoreContract {

    private static S3BlobStore store;
    private static S3Client admin;

    @BeforeAll
    static void openStore(Stack.S3Endpoint s3) {
        store = S3BlobStore.create(S3Fixture.settings(s3, s3.secretKey()), false, S3StoreOptions.DEFAULTS);
        admin = s3.newClient();
    }

    @AfterAll
    static void closeStore() {
        store.close();
        admin.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobRef freshContainer() {
        String bucket = unique("contract");
        admin.createBucket(b -> b.bucket(bucket));
        return new BlobRef("s3", bucket, "");
    }
}
