package io.archivesync.benchmarks;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.archivesync.embedded.gcs.GcsFixture;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.gcs.GcsBlobStore;
import io.archivesync.storage.gcs.GcsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;

/**
 * A bucket on the GCS JSON API fixture: our {@link GcsBlobStore} (its own resumable session, a PUT per part), and the
 * plain {@code google-cloud-storage} client, whose {@code Storage.createFrom(BlobInfo, InputStream)} is what a user
 * would write (a resumable upload in chunks of its default buffer).
 */
final class GcsDestination implements CopyDestination {

    private static final String BUCKET = "cross-provider";

    private final Storage storage;
    private final GcsBlobStore store;

    /**
     * @param counter null for clients as a user builds them (our store with a client of its own, as archive-sync
     *                builds it); otherwise both our store and the plain client send every request through it
     */
    GcsDestination(URI host, CountingConnectionFactory counter) {
        StorageOptions.Builder options = StorageOptions.http().setHost(host.toString())
                .setProjectId(GcsFixture.PROJECT_ID).setCredentials(NoCredentials.getInstance());
        if (counter != null) {
            options.setTransportOptions(counter.transportOptions());
        }
        this.storage = options.build().getService();
        this.store = counter == null ? GcsBlobStore.create(GcsSettings.anonymous(host, GcsFixture.PROJECT_ID))
                : GcsBlobStore.on(storage, 0);
        if (storage.get(BUCKET) == null) {
            storage.create(BucketInfo.of(BUCKET));
        }
    }

    @Override
    public String name() {
        return "GCS (fixture)";
    }

    @Override
    public String plainCall() {
        return "Storage.createFrom(BlobInfo, InputStream)";
    }

    @Override
    public BlobStore store() {
        return store;
    }

    @Override
    public BlobRef ref(String key) {
        return new BlobRef("gs", BUCKET, key);
    }

    @Override
    public void plainUpload(String key, InputStream content, long length) throws IOException {
        storage.createFrom(BlobInfo.newBuilder(BUCKET, key).build(), content);
    }

    @Override
    public Landed readBack(String key) throws IOException {
        return Landed.read(Channels.newInputStream(storage.reader(BlobId.of(BUCKET, key))));
    }

    @Override
    public void delete(String key) {
        storage.delete(BlobId.of(BUCKET, key));
    }

    @Override
    public void close() {
        store.close();
        try {
            storage.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the GCS client", e);
        }
    }
}
