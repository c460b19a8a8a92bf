package io.archivesync.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.auth.oauth2.GoogleCredentials;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.WriteOptions;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What only real Google Cloud Storage can confirm: the fixture implements the protocol as documented, but whether GCS
 * forgets a cancelled session, computes the same CRC32C over odd-sized chunks, and chooses by itself to answer a
 * rewrite in several calls is GCS's to show.
 *
 * <p>Tagged {@code real-gcs} and skipped unless {@code ARCHIVE_SYNC_GCS_BUCKET} names a bucket the Application Default
 * Credentials may write to ({@code GCS_PROJECT_ID} the project); it writes under {@code archive-sync-it/} and
 * deletes what it wrote.
 */
@Tag("real-gcs")
class GcsBlobStoreRealIT {

    private static final String BUCKET = System.getenv("ARCHIVE_SYNC_GCS_BUCKET");
    private static final int MIB = 1024 * 1024;

    private static GcsBlobStore store;

    @BeforeAll
    static void openStore() throws Exception {
        assumeTrue(BUCKET != null && !BUCKET.isBlank(), "ARCHIVE_SYNC_GCS_BUCKET is not set: no real GCS to test");
        String project = System.getenv().getOrDefault("GCS_PROJECT_ID", "archive-sync");
        store = GcsBlobStore.create(new GcsSettings(GcsSettings.GOOGLE, project,
                GoogleCredentials.getApplicationDefault(), 0));
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void shouldLeaveNoObjectAndNoLiveSessionWhenAWriteIsAborted() throws Exception {
        BlobRef ref = ref("aborted.bin");
        BlobWrite write = store.write(ref, WriteOptions.DEFAULT);
        write.part(bytes(MIB, 1), MIB);

        write.abort();

        assertThat(store.head(ref).get(60, TimeUnit.SECONDS)).isEmpty();
        // A cancelled session answers 499 to its DELETE and 4xx to anything after; the store logged the former.
    }

    @Test
    void shouldAgreeWithGcsOnTheCrc32cOfOddSizedPartsAndRewriteAcrossClasses() throws Exception {
        byte[] content = bytes(20 * MIB + 7, 2);
        BlobRef ref = ref("odd-parts.bin");
        try (BlobWrite write = store.write(ref, WriteOptions.DEFAULT)) {
            int part = 5 * MIB + 3;
            for (int offset = 0; offset < content.length; offset += part) {
                int length = Math.min(part, content.length - offset);
                write.part(Arrays.copyOfRange(content, offset, offset + length), length);
            }
            assertThat(write.complete().checksums().crc32c()).isEqualTo(crc32c(content));
        }

        BlobInfo copied = store.copy(ref, null, ref("odd-parts-archive.bin"), new WriteOptions(null,
                Map.of("copied", "yes"), "ARCHIVE", -1, null, null, Precondition.mustBeAbsent())).orElseThrow()
                .get(300, TimeUnit.SECONDS);

        assertThat(copied.storageClass()).isEqualTo("ARCHIVE");
        assertThat(copied.checksums().crc32c()).isEqualTo(crc32c(content));
        store.delete(ref, Precondition.NONE).get(60, TimeUnit.SECONDS);
        store.delete(copied.ref(), Precondition.NONE).get(60, TimeUnit.SECONDS);
    }

    private static BlobRef ref(String name) {
        return new BlobRef("gs", BUCKET, "archive-sync-it/" + UUID.randomUUID() + "/" + name);
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
