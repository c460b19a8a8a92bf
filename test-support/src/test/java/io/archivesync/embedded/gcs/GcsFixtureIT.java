package io.archivesync.embedded.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.CopyWriter;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageClass;
import com.google.cloud.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fixture driven by the real {@code google-cloud-storage} client, as product code will drive GCS. */
class GcsFixtureIT {

    private static final int MIB = 1024 * 1024;

    private static GcsFixture gcs;
    private static Storage storage;

    private String bucket;

    @BeforeAll
    static void startFixture() {
        gcs = GcsFixture.start();
        storage = gcs.endpoint().newClient();
    }

    @AfterAll
    static void stopFixture() throws Exception {
        storage.close();
        gcs.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "bucket-" + UUID.randomUUID();
        storage.create(BucketInfo.of(bucket));
    }

    @Test
    void shouldStoreASmallObjectWithItsChecksumsAndAttributes() {
        // Given a small object with a content type and user metadata
        byte[] content = "hello, archive".getBytes(StandardCharsets.UTF_8);
        BlobInfo info = BlobInfo.newBuilder(bucket, "dir/hello.txt")
                .setContentType("text/plain").setMetadata(Map.of("source", "s3://a/b")).build();

        // When it is created and read back
        Blob created = storage.create(info, content);
        Blob fetched = storage.get(BlobId.of(bucket, "dir/hello.txt"));

        // Then the bytes, the hashes GCS would compute, the size and the attributes all come back
        assertThat(storage.readAllBytes(BlobId.of(bucket, "dir/hello.txt"))).isEqualTo(content);
        assertThat(fetched.getMd5()).isEqualTo(md5(content));
        assertThat(fetched.getCrc32c()).isEqualTo(crc32c(content));
        assertThat(fetched.getSize()).isEqualTo(content.length);
        assertThat(fetched.getContentType()).isEqualTo("text/plain");
        assertThat(fetched.getMetadata()).containsEntry("source", "s3://a/b");
        assertThat(fetched.getGeneration()).isEqualTo(created.getGeneration()).isPositive();
    }

    @Test
    void shouldUploadAMultiMebibyteObjectThroughAResumableWriterInChunks() throws Exception {
        // Given 3 MiB and a writer that sends 256 KiB per request
        byte[] content = randomBytes(3 * MIB, 1);
        BlobInfo info = BlobInfo.newBuilder(bucket, "big/writer.bin").build();

        // When it is written through the resumable writer
        try (WriteChannel writer = storage.writer(info)) {
            writer.setChunkSize(256 * 1024);
            for (int offset = 0; offset < content.length; offset += 100_000) {
                writer.write(ByteBuffer.wrap(content, offset, Math.min(100_000, content.length - offset)));
            }
        }

        // Then the object is whole, with matching hashes
        Blob blob = storage.get(BlobId.of(bucket, "big/writer.bin"));
        assertThat(blob.getSize()).isEqualTo(content.length);
        assertThat(blob.getCrc32c()).isEqualTo(crc32c(content));
        assertThat(storage.readAllBytes(blob.getBlobId())).isEqualTo(content);
    }

    @Test
    void shouldUploadAStreamWithCreateFrom() throws Exception {
        // Given a 2.5 MiB stream
        byte[] content = randomBytes(5 * MIB / 2, 2);

        // When it is uploaded with createFrom and a 256 KiB buffer
        Blob blob = storage.createFrom(BlobInfo.newBuilder(bucket, "big/stream.bin").build(),
                new ByteArrayInputStream(content), 256 * 1024);

        // Then it reads back whole
        assertThat(blob.getSize()).isEqualTo(content.length);
        assertThat(blob.getMd5()).isEqualTo(md5(content));
        assertThat(storage.readAllBytes(blob.getBlobId())).isEqualTo(content);
    }

    @Test
    void shouldReadARangeWithSeekAndLimit() throws Exception {
        // Given a 1 MiB object
        byte[] content = randomBytes(MIB, 3);
        storage.create(BlobInfo.newBuilder(bucket, "ranged.bin").build(), content);

        // When a reader seeks to 1000 and is limited to 5000 bytes past it
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (ReadChannel reader = storage.reader(BlobId.of(bucket, "ranged.bin"))) {
            reader.seek(1000);
            reader.limit(6000);
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (reader.read(buffer) >= 0) {
                buffer.flip();
                read.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
        }

        // Then exactly bytes 1000..5999 arrive
        assertThat(read.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 1000, 6000));
    }

    @Test
    void shouldListInPagesAndRollUpPrefixesAtTheDelimiter() {
        // Given objects in two "directories" and one at the top
        List<String> names = List.of("logs/a/1", "logs/a/2", "logs/b/1", "logs/top.txt", "other/x");
        names.forEach(name -> storage.create(BlobInfo.newBuilder(bucket, name).build(), new byte[] {1}));

        // When everything is listed two per page
        var firstPage = storage.list(bucket, Storage.BlobListOption.pageSize(2));
        List<String> listed = new ArrayList<>();
        firstPage.iterateAll().forEach(blob -> listed.add(blob.getName()));

        // Then every object arrives in name order, over several pages
        assertThat(listed).containsExactlyElementsOf(names);
        assertThat(firstPage.getValues()).hasSize(2);
        assertThat(firstPage.hasNextPage()).isTrue();

        // And listing "logs/" with "/" rolls the subdirectories up, also across pages
        List<String> level = new ArrayList<>();
        storage.list(bucket, Storage.BlobListOption.prefix("logs/"), Storage.BlobListOption.currentDirectory(),
                Storage.BlobListOption.pageSize(1)).iterateAll()
                .forEach(blob -> level.add(blob.getName() + (blob.isDirectory() ? " (dir)" : "")));
        assertThat(level).containsExactly("logs/a/ (dir)", "logs/b/ (dir)", "logs/top.txt");
    }

    @Test
    void shouldDeleteAnObject() {
        // Given an object
        BlobId id = BlobId.of(bucket, "doomed");
        storage.create(BlobInfo.newBuilder(id).build(), new byte[] {1, 2, 3});

        // When it is deleted, then it is gone, and a second delete finds nothing
        assertThat(storage.delete(id)).isTrue();
        assertThat(storage.get(id)).isNull();
        assertThat(storage.delete(id)).isFalse();
    }

    @Test
    void shouldCopyToAnotherBucketFollowingRewriteTokens() {
        // Given a 3 MiB object with metadata and a storage class, and another bucket
        byte[] content = randomBytes(3 * MIB, 4);
        storage.create(BlobInfo.newBuilder(bucket, "src.bin").setContentType("application/zip")
                .setMetadata(Map.of("origin", "test")).setStorageClass(StorageClass.NEARLINE).build(), content);
        String target = bucket + "-copy";
        storage.create(BucketInfo.of(target));

        // When it is copied 1 MiB per call
        CopyWriter copy = storage.copy(Storage.CopyRequest.newBuilder()
                .setSource(BlobId.of(bucket, "src.bin"))
                .setTarget(BlobId.of(target, "dst.bin"))
                .setMegabytesCopiedPerChunk(1L)
                .build());
        int calls = 1;
        while (!copy.isDone()) {
            copy.copyChunk();
            calls++;
        }

        // Then it took several calls, and the copy has the bytes, the metadata and the storage class
        assertThat(calls).isEqualTo(3);
        assertThat(copy.getTotalBytesCopied()).isEqualTo(content.length);
        Blob copied = storage.get(BlobId.of(target, "dst.bin"));
        assertThat(copied.getMetadata()).containsEntry("origin", "test");
        assertThat(copied.getStorageClass()).isEqualTo(StorageClass.NEARLINE);
        assertThat(copied.getContentType()).isEqualTo("application/zip");
        assertThat(copied.getCrc32c()).isEqualTo(crc32c(content));
        assertThat(storage.readAllBytes(copied.getBlobId())).isEqualTo(content);
    }

    @Test
    void shouldRefuseAWriteWhoseGenerationPreconditionFails() {
        // Given an object at some generation
        Blob first = storage.create(BlobInfo.newBuilder(bucket, "guarded").build(), new byte[] {1});

        // When it is written again only if it does not exist, or only if it is at another generation
        // Then GCS's 412 arrives as a StorageException
        assertThatThrownBy(() -> storage.create(BlobInfo.newBuilder(bucket, "guarded").build(), new byte[] {2},
                Storage.BlobTargetOption.doesNotExist()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.getCode()).isEqualTo(412));
        assertThatThrownBy(() -> storage.create(
                BlobInfo.newBuilder(BlobId.of(bucket, "guarded", first.getGeneration() + 1)).build(),
                new byte[] {2}, Storage.BlobTargetOption.generationMatch()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.getCode()).isEqualTo(412));

        // And a write at the right generation succeeds with a new one
        Blob second = storage.create(BlobInfo.newBuilder(first.getBlobId()).build(), new byte[] {3},
                Storage.BlobTargetOption.generationMatch());
        assertThat(second.getGeneration()).isGreaterThan(first.getGeneration());
        assertThat(storage.readAllBytes(BlobId.of(bucket, "guarded"))).containsExactly(3);
    }

    @Test
    void shouldLetExactlyOneOfConcurrentCreateIfAbsentWritesWin() throws Exception {
        // Given eight writers racing to create the same name, each only if it does not exist
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            byte[] content = {(byte) i};
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    storage.create(BlobInfo.newBuilder(bucket, "raced").build(), content,
                            Storage.BlobTargetOption.doesNotExist());
                    return 200;
                } catch (StorageException e) {
                    return e.getCode();
                }
            }));
        }

        // When they all go at once
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            codes.add(outcome.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        // Then one wins and every other one gets 412
        assertThat(codes).containsOnlyOnce(200).filteredOn(code -> code != 200).containsOnly(412);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String md5(byte[] content) throws IllegalStateException {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String crc32c(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
