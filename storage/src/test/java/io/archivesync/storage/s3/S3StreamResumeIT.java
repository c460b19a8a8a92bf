package io.archivesync.storage.s3;

import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.transfer.StreamResumeContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resuming a streamed transfer into S3 (the stack's S3Proxy): the multipart upload id is the write's id, ListParts
 * says which parts S3 holds, and an abandoned upload is aborted, so ListMultipartUploads no longer shows it.
 */
@ExtendWith(StackExtension.class)
class S3StreamResumeIT extends StreamResumeContract {

    private static S3Fixture s3;

    @BeforeAll
    static void open(Stack.S3Endpoint endpoint) {
        s3 = new S3Fixture(endpoint, S3StoreOptions.DEFAULTS);
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Override
    protected BlobStore store() {
        return s3.store;
    }

    @Override
    protected BlobRef freshContainer() {
        return s3.freshContainer();
    }

    @Override
    protected int partBytes() {
        return S3Fixture.PART;
    }

    @Override
    protected boolean isLeftBehind(BlobRef destination, String writeId) {
        return s3.admin.listMultipartUploadsPaginator(b -> b.bucket(destination.container())).uploads().stream()
                .anyMatch(upload -> upload.uploadId().equals(writeId));
    }
}
