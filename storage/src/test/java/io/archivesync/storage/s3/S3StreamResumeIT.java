package io.archivesync.storage.s3;

import io.archivesync.core.config.S3Settings;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.transfer.StreamResumeContract;
import io.archivesync.storage.transfer.Wire;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Resuming a streamed transfer into S3 (the stack's S3Proxy): the multipart upload id is the write's id, ListParts
 * says which parts S3 holds, and an abandoned upload is aborted, so ListMultipartUploads no longer shows it.
 */
@ExtendWith(StackExtension.class)
class S3StreamResumeIT extends StreamResumeContract {

    private static final AtomicInteger SENT = new AtomicInteger();

    private static S3Fixture s3;
    private static S3AsyncClient countedAsync;
    private static S3Client countedSync;

    @BeforeAll
    static void open(Stack.S3Endpoint endpoint) {
        s3 = new S3Fixture(endpoint, S3StoreOptions.DEFAULTS);
        S3Settings settings = S3Fixture.settings(endpoint, endpoint.secretKey());
        countedAsync = S3Clients.async(settings, null, false);
        countedSync = S3Clients.sync(settings, settings.endpoint(), null, false, true, 8,
                List.of(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context,
                                                   ExecutionAttributes executionAttributes) {
                        SENT.incrementAndGet();
                    }
                }));
    }

    @AfterAll
    static void close() {
        s3.close();
        countedAsync.close();
        countedSync.close();
    }

    /** PutObject; or CreateMultipartUpload, the parts, CompleteMultipartUpload; resumed, ListParts for the create. */
    @Override
    protected int writeRequests(int sent, int held) {
        return held == 0 && sent == 1 ? 1 : sent + 2;
    }

    /** Writes go through the blocking client, whose every HTTP attempt an interceptor counts. */
    @Override
    protected Optional<Wire> wire() {
        return Optional.of(new Wire(new S3BlobStore(countedAsync, countedSync, S3StoreOptions.DEFAULTS), SENT::get));
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
