package io.archivesync.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.ConnectionFactory;
import com.google.api.client.http.javanet.DefaultConnectionFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.WriteOptions;
import io.archivesync.storage.transfer.StreamResumeContract;
import io.archivesync.storage.transfer.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resuming a streamed transfer into GCS (the stack's GCS fixture): the resumable session URL is the write's id, a PUT
 * of no bytes with {@code Content-Range: bytes * /*} says how much it persisted (308 with {@code Range}), and an
 * abandoned session is cancelled, after which the fixture, as GCS, no longer knows it.
 */
@ExtendWith(StackExtension.class)
class GcsStreamResumeIT extends StreamResumeContract {

    /** Four 256 KiB granules, so that two parts end where GCS persists. */
    private static final int PART = 1024 * 1024;

    private static final AtomicInteger SENT = new AtomicInteger();

    private static Storage client;
    private static GcsBlobStore store;
    private static Storage countedClient;
    private static GcsBlobStore counted;

    @BeforeAll
    static void openStore(Storage storage) {
        client = storage;
        store = GcsBlobStore.on(storage, 0);
        ConnectionFactory connections = new DefaultConnectionFactory();
        countedClient = storage.getOptions().toBuilder().setTransportOptions(HttpTransportOptions.newBuilder()
                .setHttpTransportFactory(() -> new NetHttpTransport.Builder().setConnectionFactory(url -> {
                    SENT.incrementAndGet();
                    return connections.openConnection(url);
                }).build()).build()).build().getService();
        counted = GcsBlobStore.on(countedClient, 0);
    }

    @AfterAll
    static void closeStore() throws Exception {
        store.close();
        counted.close();
        countedClient.close();
    }

    /** The session's start (resumed: the status query), a PUT per part (these parts end on 256 KiB), the final PUT. */
    @Override
    protected int writeRequests(int sent, int held) {
        return 1 + sent + 1;
    }

    /** The client's transport opens one connection per request, through a factory that counts them. */
    @Override
    protected Optional<Wire> wire() {
        return Optional.of(new Wire(counted, SENT::get));
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobRef freshContainer() {
        String bucket = unique("resume");
        client.create(BucketInfo.of(bucket));
        return new BlobRef("gs", bucket, "");
    }

    @Override
    protected int partBytes() {
        return PART;
    }

    /** 308: the session is open; 404 once cancelled; 200 once it wrote its object. */
    @Override
    protected boolean isLeftBehind(BlobRef destination, String writeId) {
        try {
            HttpResponse<Void> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(writeId))
                    .header("Content-Range", "bytes */*").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            return status.statusCode() == 308;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldNotResumeASessionOnAnotherHostOrBucket() {
        // Given a session opened for one bucket
        BlobRef ref = freshContainer().withKey("elsewhere.bin");
        try (BlobWrite write = store.write(ref, WriteOptions.DEFAULT)) {
            write.part(bytes(PART, 9), PART);
            String session = write.id();

            // Then an id on another host, or of another bucket, is not taken up (the store's credentials stay home)
            assertThat(store.resume(ref, session.replaceFirst("//[^/]+/", "//attacker.example:1/"),
                    WriteOptions.DEFAULT)).isEmpty();
            assertThat(store.resume(freshContainer().withKey("elsewhere.bin"), session, WriteOptions.DEFAULT))
                    .isEmpty();
            // and its own is, from what it persisted
            assertThat(store.resume(ref, session, WriteOptions.DEFAULT).orElseThrow().committedBytes())
                    .isEqualTo(PART);
        }
    }
}
