package io.archivesync.storage.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP store against a real (tiny) web server on the loopback address. */
class HttpBlobStoreTest {

    private final byte[] bytes = new byte[4096];
    private TinyHttpServer server;
    private HttpBlobStore store;

    @BeforeEach
    void start() throws IOException {
        new Random(1).nextBytes(bytes);
        server = new TinyHttpServer(bytes);
        store = new HttpBlobStore();
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    @Test
    void shouldHeadAnObject() {
        BlobInfo info = store.head(ref("/obj.bin")).join().orElseThrow();

        assertThat(info.size()).isEqualTo(bytes.length);
        assertThat(info.version()).isEqualTo(TinyHttpServer.ETAG);
        assertThat(info.contentType()).isEqualTo("application/octet-stream");
        assertThat(info.lastModified()).isEqualTo(Instant.parse("1994-11-15T08:12:31Z"));
    }

    @Test
    void shouldReadAWholeObject() {
        assertThat(read("/obj.bin", ReadOptions.WHOLE)).isEqualTo(bytes);
    }

    @Test
    void shouldReadARangeAndSayTheWholeSize() {
        try (BlobRead read = store.read(ref("/obj.bin"), ReadOptions.range(100, 50))) {
            assertThat(read.info().size()).isEqualTo(bytes.length);
            assertThat(read.content().readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 100, 150));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(read("/obj.bin", ReadOptions.range(4000, -1))).isEqualTo(Arrays.copyOfRange(bytes, 4000, 4096));
    }

    @Test
    void shouldCutTheRangeItselfWhenTheServerIgnoresRange() {
        assertThat(read("/plain.bin", ReadOptions.range(100, 50))).isEqualTo(Arrays.copyOfRange(bytes, 100, 150));
        assertThat(read("/plain.bin", ReadOptions.range(4000, -1))).isEqualTo(Arrays.copyOfRange(bytes, 4000, 4096));
    }

    @Test
    void shouldReportAMissingObjectAsNotFound() {
        assertThat(store.head(ref("/missing.bin")).join()).isEmpty();
        assertKind(() -> store.read(ref("/missing.bin"), ReadOptions.WHOLE), ErrorKind.NOT_FOUND);
    }

    @Test
    void shouldReportABusyServerAsThrottled() {
        assertKind(() -> store.read(ref("/busy"), ReadOptions.WHOLE), ErrorKind.THROTTLED);
        assertKind(() -> store.head(ref("/busy")).join(), ErrorKind.THROTTLED);
    }

    @Test
    void shouldRefuseAReadOfAVersionNoLongerThere() {
        assertKind(() -> store.read(ref("/obj.bin"), ReadOptions.ifVersion("v0")), ErrorKind.PRECONDITION);
        assertThat(read("/obj.bin", ReadOptions.ifVersion(TinyHttpServer.ETAG))).isEqualTo(bytes);
    }

    @Test
    void shouldRefuseARangePastTheEndAsInvalid() {
        assertKind(() -> store.read(ref("/obj.bin"), ReadOptions.range(5000, 10)), ErrorKind.INVALID);
        assertKind(() -> store.read(ref("/plain.bin"), ReadOptions.range(5000, 10)), ErrorKind.INVALID);
    }

    @Test
    void shouldFollowARedirect() {
        assertThat(read("/moved", ReadOptions.WHOLE)).isEqualTo(bytes);
    }

    @Test
    void shouldRefuseWritesDeletesListingsAndCopies() {
        assertKind(() -> store.write(ref("/new.bin"), WriteOptions.DEFAULT), ErrorKind.INVALID);
        assertKind(() -> store.list(ref("/"), null), ErrorKind.INVALID);
        assertKind(() -> store.delete(ref("/obj.bin"), Precondition.NONE).join(), ErrorKind.INVALID);
        assertKind(() -> store.copy(ref("/obj.bin"), null, ref("/copy.bin"), WriteOptions.DEFAULT).orElseThrow()
                .join(), ErrorKind.INVALID);
        assertThat(store.capabilities().writable()).isFalse();
        assertThat(store.capabilities().listable()).isFalse();
        assertThat(store.capabilities().serverSideCopy()).isFalse();
    }

    private BlobRef ref(String path) {
        return BlobRef.parse(server.base() + path);
    }

    private byte[] read(String path, ReadOptions options) {
        try (BlobRead read = store.read(ref(path), options); InputStream in = read.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertKind(ThrowingCallable call, ErrorKind kind) {
        assertThatThrownBy(call).satisfies(e -> {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            assertThat(cause).isInstanceOf(StorageException.class);
            assertThat(((StorageException) cause).kind()).isEqualTo(kind);
        });
    }
}
