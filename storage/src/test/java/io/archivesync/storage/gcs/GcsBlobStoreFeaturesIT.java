package io.archivesync.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import io.archivesync.avro.ErrorKind;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the GCS store does beyond the contract, against the GCS fixture of the shared stack. */
@ExtendWith(StackExtension.class)
class GcsBlobStoreFeaturesIT {

    private static final int MIB = 1024 * 1024;

    private static Storage client;
    private static GcsBlobStore store;
    private static GcsBlobStore oneMebibytePerRewrite;

    private BlobRef bucket;

    @BeforeAll
    static void openStores(Storage storage) {
        client = storage;
        store = GcsBlobStore.on(storage, 0);
        oneMebibytePerRewrite = GcsBlobStore.on(storage, 1);
    }

    @AfterAll
    static void closeStores() {
        store.close();
        oneMebibytePerRewrite.close();
    }

    @BeforeEach
    void createBucket() {
        String name = "features-" + UUID.randomUUID().toString().substring(0, 8);
        client.create(BucketInfo.of(name));
        bucket = new BlobRef("gs", name, "");
    }

    @Test
    void shouldFollowRewriteTokensWhenAnObjectTakesSeveralRewriteCalls() {
        // Given a 3 MiB object and a store that lets one rewrite call copy 1 MiB (the fixture then answers
        // done=false with a token twice, and writes the destination only at the call that finishes)
        byte[] content = bytes(3 * MIB, 1);
        BlobRef source = bucket.withKey("rewrite/source.bin");
        write(store, source, content, new WriteOptions("application/zip", Map.of("origin", "test"), "NEARLINE",
                content.length, null, null, Precondition.NONE));
        BlobRef target = bucket.withKey("rewrite/target.bin");

        // When it is copied with a new storage class and metadata
        BlobInfo copied = join(oneMebibytePerRewrite.copy(source, null, target, new WriteOptions(null,
                Map.of("copied", "yes"), "COLDLINE", -1, null, null, Precondition.mustBeAbsent())).orElseThrow());

        // Then the whole object is there, with the options' attributes over the source's
        assertThat(copied.size()).isEqualTo(content.length);
        assertThat(read(target, ReadOptions.WHOLE)).isEqualTo(content);
        BlobInfo head = join(store.head(target)).orElseThrow();
        assertThat(head.storageClass()).isEqualTo("COLDLINE");
        assertThat(head.contentType()).isEqualTo("application/zip");
        assertThat(head.metadata()).containsEntry("copied", "yes");
        assertThat(head.checksums().crc32c()).isEqualTo(crc32c(content));
    }

    @Test
    void shouldKeepTheSourceAttributesWhenACopyGivesNone() {
        BlobRef source = bucket.withKey("plain/source.txt");
        write(store, source, bytes(100, 2), new WriteOptions("text/plain", Map.of("k", "v"), "ARCHIVE", 100, null,
                null, Precondition.NONE));

        BlobInfo copied = join(oneMebibytePerRewrite.copy(source, null, bucket.withKey("plain/target.txt"),
                WriteOptions.DEFAULT).orElseThrow());

        assertThat(copied.storageClass()).isEqualTo("ARCHIVE");
        assertThat(copied.contentType()).isEqualTo("text/plain");
        assertThat(copied.metadata()).containsEntry("k", "v");
    }

    @Test
    void shouldRefuseAStorageClassGcsDoesNotKnowAndAcceptLegacyOnes() {
        // Given an S3 class name and an Azure tier
        BlobRef ref = bucket.withKey("classes/x.bin");

        // Then a write or a copy with them is INVALID, before anything is sent
        assertThatThrownBy(() -> store.write(ref, withClass("GLACIER")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.INVALID));
        write(store, ref, bytes(10, 3), WriteOptions.DEFAULT);
        assertThatThrownBy(() -> join(store.copy(ref, null, bucket.withKey("classes/y.bin"), withClass("Hot"))
                .orElseThrow()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.INVALID));

        // And a legacy class, in any case, is written as GCS spells it
        write(store, bucket.withKey("classes/legacy.bin"), bytes(10, 4), withClass("durable_reduced_availability"));
        assertThat(join(store.head(bucket.withKey("classes/legacy.bin"))).orElseThrow().storageClass())
                .isEqualTo("DURABLE_REDUCED_AVAILABILITY");
    }

    @Test
    void shouldShowMd5AndCrc32cOfTheContentInHeadAfterPartsOfOddSizes() throws Exception {
        // Given content written in parts that are not multiples of GCS's 256 KiB granule
        byte[] content = bytes(3 * MIB + 12_345, 5);
        BlobRef ref = bucket.withKey("sums/odd-parts.bin");
        BlobInfo written;
        try (BlobWrite write = store.write(ref, WriteOptions.DEFAULT)) {
            int part = 300_001;
            for (int offset = 0; offset < content.length; offset += part) {
                int length = Math.min(part, content.length - offset);
                write.part(Arrays.copyOfRange(content, offset, offset + length), length);
            }
            written = write.complete();
        }

        // Then head gives the hex MD5 and CRC32C of exactly those bytes, and the version written
        BlobInfo head = join(store.head(ref)).orElseThrow();
        assertThat(head.checksums().md5())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
        assertThat(head.checksums().crc32c()).isEqualTo(crc32c(content)).hasSize(8);
        assertThat(head.version()).isEqualTo(written.version());
        assertThat(written.checksums()).isEqualTo(head.checksums());
        assertThat(read(ref, ReadOptions.WHOLE)).isEqualTo(content);
    }

    @Test
    void shouldCancelTheResumableSessionWhenAWriteIsAborted() throws Exception {
        // Given a write with one part sent
        BlobRef ref = bucket.withKey("aborted/session.bin");
        BlobWrite write = store.write(ref, WriteOptions.DEFAULT);
        write.part(bytes(MIB, 6), MIB);
        String session = write.id();
        assertThat(session).startsWith("http").contains("upload_id=");

        // When it is aborted
        write.abort();

        // Then its session is gone (the fixture forgets a cancelled session), not merely left open
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(session))
                .header("Content-Range", "bytes */*").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(join(store.head(ref))).isEmpty();
    }

    @Test
    void shouldKeepTheModificationTimeAsMetadata() {
        BlobRef ref = bucket.withKey("mtime.bin");
        Instant modified = Instant.parse("2024-05-06T07:08:09Z");

        write(store, ref, bytes(10, 7), new WriteOptions(null, Map.of(), null, 10, null, modified,
                Precondition.NONE));

        assertThat(join(store.head(ref)).orElseThrow().metadata())
                .containsEntry(GcsMetadata.MTIME, Long.toString(modified.getEpochSecond()));
    }

    @Test
    void shouldRefuseAReadOrDeleteAtAGenerationThatIsGone() {
        // Given an object replaced since its version was seen
        BlobRef ref = bucket.withKey("generations.bin");
        String seen = write(store, ref, bytes(10, 8), WriteOptions.DEFAULT).version();
        String now = write(store, ref, bytes(10, 9), WriteOptions.DEFAULT).version();

        // Then reading or deleting at the old generation is refused, and at the new one works
        assertThatThrownBy(() -> store.read(ref, ReadOptions.ifVersion(seen)).close())
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.PRECONDITION));
        assertThatThrownBy(() -> join(store.delete(ref, Precondition.ifVersion(seen))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.PRECONDITION));
        assertThat(read(ref, ReadOptions.ifVersion(now))).isEqualTo(bytes(10, 9));
        join(store.delete(ref, Precondition.ifVersion(now)));
        assertThat(join(store.head(ref))).isEmpty();
    }

    @Test
    void shouldReadEmptyRangesWithoutARequestAndStopAReadAtOnce() throws Exception {
        BlobRef ref = bucket.withKey("ranges.bin");
        byte[] content = bytes(2 * MIB, 10);
        write(store, ref, content, WriteOptions.DEFAULT);

        assertThat(read(ref, ReadOptions.range(content.length, -1))).isEmpty();
        assertThat(read(ref, ReadOptions.range(10, 0))).isEmpty();
        assertThatThrownBy(() -> store.read(ref, ReadOptions.range(content.length + 1, 1)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.INVALID));
        BlobRead read = store.read(ref, ReadOptions.WHOLE);
        assertThat(read.content().readNBytes(1000)).isEqualTo(Arrays.copyOf(content, 1000));
        read.abort();
        assertThat(read.info().size()).isEqualTo(content.length);
    }

    // --- helpers ---

    private static WriteOptions withClass(String storageClass) {
        return new WriteOptions(null, Map.of(), storageClass, -1, null, null, Precondition.NONE);
    }

    private static BlobInfo write(GcsBlobStore target, BlobRef ref, byte[] content, WriteOptions options) {
        try (BlobWrite write = target.write(ref, options)) {
            write.part(content, content.length);
            return write.complete();
        }
    }

    private static byte[] read(BlobRef ref, ReadOptions options) {
        try (BlobRead read = store.read(ref, options); InputStream in = read.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String crc32c(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return String.format("%08x", crc.getValue());
    }
}
