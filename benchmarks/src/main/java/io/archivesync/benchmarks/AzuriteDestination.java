package io.archivesync.benchmarks;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.azure.AzureBlobConfig;
import io.archivesync.storage.azure.AzureBlobStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * A container on Azurite: our {@link AzureBlobStore} (blocks of the transfer's part size, then the block list), and the
 * plain {@code azure-storage-blob} client built from a connection string, whose {@code BlobClient.upload} is what a
 * user would write (it picks Put Blob or blocks by size itself).
 */
final class AzuriteDestination implements CopyDestination {

    private static final String CONTAINER = "cross-provider";

    private final AzureBlobEndpoint endpoint;
    private final AzureBlobStore store;
    private final BlobContainerClient container;

    /** On the account at {@code endpoint} (Azurite's, or a counter in front of it); makes the container if need be. */
    AzuriteDestination(AzureBlobEndpoint endpoint) {
        this.endpoint = endpoint;
        this.store = new AzureBlobStore(AzureBlobConfig.of(endpoint.accountName(), endpoint.blobEndpoint(),
                endpoint.accountKey()));
        this.container = new BlobServiceClientBuilder().connectionString(endpoint.connectionString()).buildClient()
                .getBlobContainerClient(CONTAINER);
        container.createIfNotExists();
    }

    @Override
    public String name() {
        return "Azure (Azurite)";
    }

    @Override
    public String plainCall() {
        return "BlobClient.upload(InputStream, length, true)";
    }

    @Override
    public BlobStore store() {
        return store;
    }

    @Override
    public BlobRef ref(String key) {
        return BlobRef.parse("az://" + endpoint.accountName() + "/" + CONTAINER + "/" + key);
    }

    @Override
    public void plainUpload(String key, InputStream content, long length) {
        container.getBlobClient(key).upload(content, length, true);
    }

    @Override
    public Landed readBack(String key) throws IOException {
        return Landed.read(container.getBlobClient(key).openInputStream());
    }

    @Override
    public void delete(String key) {
        container.getBlobClient(key).deleteIfExists();
    }

    @Override
    public void close() {
        store.close();
    }
}
