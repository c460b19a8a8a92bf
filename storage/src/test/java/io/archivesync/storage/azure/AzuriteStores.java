package io.archivesync.storage.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.storage.BlobRef;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Stores on the stack's Azurite, and fresh containers in them, for the Azure tests. */
final class AzuriteStores {

    private AzuriteStores() {
    }

    static AzureBlobStore store(AzureBlobEndpoint endpoint, long copyBlockBytes) {
        return new AzureBlobStore(config(endpoint, copyBlockBytes));
    }

    /** A store that copies every Azure blob larger than {@code maxSyncCopyBytes} with Copy Blob and a poller. */
    static AzureBlobStore store(AzureBlobEndpoint endpoint, long copyBlockBytes, long maxSyncCopyBytes) {
        return new AzureBlobStore(config(endpoint, copyBlockBytes), maxSyncCopyBytes);
    }

    /** A store whose every HTTP request (each retry too) adds one to {@code sent}, counted below the SDK's calls. */
    static AzureBlobStore counted(AzureBlobEndpoint endpoint, AtomicInteger sent) {
        HttpPipelinePolicy counting = new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                sent.incrementAndGet();
                return next.process();
            }

            @Override
            public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
                sent.incrementAndGet();
                return next.processSync();
            }

            @Override
            public HttpPipelinePosition getPipelinePosition() {
                return HttpPipelinePosition.PER_RETRY;
            }
        };
        return new AzureBlobStore(config(endpoint, AzureBlobConfig.DEFAULT_COPY_BLOCK_BYTES),
                Limits.MAX_SYNC_COPY_BYTES, List.of(counting));
    }

    private static AzureBlobConfig config(AzureBlobEndpoint endpoint, long copyBlockBytes) {
        return new AzureBlobConfig(endpoint.accountName(), endpoint.blobEndpoint(), endpoint.accountKey(),
                copyBlockBytes);
    }

    /** A new container with a unique name (lower case, 3-63 characters, as Azure requires), as a location. */
    static BlobRef freshContainer(AzureBlobStore store, String purpose) {
        String name = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        store.client().createBlobContainer(name);
        return BlobRef.parse("az://" + store.client().getAccountName() + "/" + name);
    }
}
