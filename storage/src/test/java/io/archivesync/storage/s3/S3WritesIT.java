package io.archivesync.storage.s3;

import static io.archivesync.storage.s3.S3Fixture.PART;
import static io.archivesync.storage.s3.S3Fixture.bytes;
import static io.archivesync.storage.s3.S3Fixture.hex;
import static io.archivesync.storage.s3.S3Fixture.join;
import static io.archivesync.storage.s3.S3Fixture.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.ErrorKind;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checksums, preconditions on multipart writes, multipart copies, paging and presigned URLs of the S3 store. */
@ExtendWith(StackExtension.class)
class S3WritesIT {

    private static S3Fixture s3;
    /** Copies in parts from 1 MiB up, lists 10 objects a page: the paths big objects take, on small ones. */
    private static S3Fixture small;

    @BeforeAll
    static void open(Stack.S3Endpoint endpoint) {
        s3 = new S3Fixture(endpoint, S3StoreOptions.DEFAULTS);
        small = new S3Fixture(endpoint, new S3StoreOptions(false, 1024 * 1024, PART, 2, 10));
    }

    @AfterAll
    static void close() {
        s3.close();
        small.close();
    }

    @Test
    void shouldKeepTheGivenSha256AndShowItWithTheMd5ByHead() {
        BlobRef ref = s3.freshContainer().withKey("summed.bin");
        byte[] bytes = bytes(1500, 5);

        s3.writeWhole(ref, bytes, options(null, hex("SHA-256", bytes), Precondition.NONE));

        BlobInfo head = s3.head(ref).orElseThrow();
        assertThat(head.checksums().sha256()).isEqualTo(hex("SHA-256", bytes));
        assertThat(head.checksums().md5()).isEqualTo(hex("MD5", bytes));
    }

    @Test
    void shouldRefuseContentWhoseSha256DiffersInOneRequestOrInParts() {
        BlobRef one = s3.freshContainer().withKey("one.bin");
        BlobRef parts = one.withKey("parts.bin");
        WriteOptions wrong = options(null, hex("SHA-256", new byte[1]), Precondition.NONE);

        assertThatThrownBy(() -> s3.writeWhole(one, bytes(100, 6), wrong))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.CHECKSUM));
        assertThatThrownBy(() -> twoParts(s3, parts, wrong))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.CHECKSUM));

        assertThat(s3.head(one)).isEmpty();
        assertThat(s3.head(parts)).isEmpty();
        assertThat(s3.admin.listMultipartUploads(b -> b.bucket(parts.container())).uploads()).isEmpty();
    }

    @Test
    void shouldRefuseAMultipartWriteWhosePreconditionNoLongerHolds() {
        // Given an object that changed since a decision saw it
        BlobRef ref = s3.freshContainer().withKey("guarded-parts.bin");
        String seen = s3.writeWhole(ref, bytes(10, 7), WriteOptions.DEFAULT).version();
        s3.writeWhole(ref, bytes(11, 8), WriteOptions.DEFAULT);

        // When writes in parts are conditional on what was seen, or on absence, then S3 refuses them at completion
        for (Precondition p : List.of(Precondition.ifVersion(seen), Precondition.mustBeAbsent())) {
            assertThatThrownBy(() -> twoParts(s3, ref, options(null, null, p)))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                            .isEqualTo(ErrorKind.PRECONDITION));
        }

        // And the object is untouched, no upload left
        assertThat(s3.readAll(ref, ReadOptions.WHOLE)).isEqualTo(bytes(11, 8));
        assertThat(s3.admin.listMultipartUploads(b -> b.bucket(ref.container())).uploads()).isEmpty();
    }

    @Test
    void shouldCopyInPartsAboveTheSingleCopyLimitWithTheSourcesMetadata() {
        BlobRef from = small.freshContainer().withKey("big/from.bin");
        byte[] bytes = bytes(2 * PART + 1000, 9);
        small.writeWhole(from, bytes, new WriteOptions("application/zip", Map.of("k", "v"), null, -1,
                null, null, Precondition.NONE));
        BlobRef to = small.freshContainer().withKey("big/to.bin");

        BlobInfo copied = join(small.store.copy(from, null, to, WriteOptions.DEFAULT).orElseThrow());

        assertThat(copied.version()).endsWith("-3");
        assertThat(small.readAll(to, ReadOptions.WHOLE)).isEqualTo(bytes);
        BlobInfo head = small.head(to).orElseThrow();
        assertThat(head.metadata()).containsEntry("k", "v");
        assertThat(head.contentType()).isEqualTo("application/zip");
    }

    @Test
    void shouldRefuseACopyOntoADestinationThatChanged() {
        // Given a source, and a destination that exists (S3 checks If-None-Match on CopyObject itself; S3Proxy does
        // not, so this runs on a store that checks by HEAD, as an emulator needs)
        S3StoreOptions byHead = new S3StoreOptions(true, S3StoreOptions.MAX_SINGLE_PART, PART, 2, 1000);
        try (S3Fixture checked = new S3Fixture(s3.endpoint, byHead)) {
            BlobRef from = checked.freshContainer().withKey("from.bin");
            BlobRef to = from.withKey("to.bin");
            checked.writeWhole(from, bytes(10, 10), WriteOptions.DEFAULT);
            checked.writeWhole(to, bytes(10, 11), WriteOptions.DEFAULT);

            // When a copy must find it absent, then it is refused and the destination kept
            assertThatThrownBy(() -> join(checked.store.copy(from, null, to,
                    options(null, null, Precondition.mustBeAbsent())).orElseThrow()))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                            .isEqualTo(ErrorKind.PRECONDITION));
            assertThat(checked.readAll(to, ReadOptions.WHOLE)).isEqualTo(bytes(10, 11));
        }
    }

    @Test
    void shouldListPageByPage() {
        BlobRef root = small.freshContainer();
        for (int i = 0; i < 25; i++) {
            small.writeWhole(root.withKey("p/" + i), bytes(1, i), WriteOptions.DEFAULT);
        }

        List<BlobPage> pages = new ArrayList<>();
        small.store.list(root.withKey("p/"), null).forEachRemaining(pages::add);

        assertThat(pages).extracting(p -> p.objects().size()).containsExactly(10, 10, 5);
    }

    @Test
    void shouldGiveAPresignedUrlThatAPlainHttpGetReads() throws Exception {
        BlobRef ref = s3.freshContainer().withKey("dir/presigned.bin");
        byte[] bytes = bytes(2048, 4);
        s3.writeWhole(ref, bytes, WriteOptions.DEFAULT);

        URI url = s3.store.presign(ref, Duration.ofMinutes(5)).toURI();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> signed = http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).isEqualTo(bytes);
        URI unsigned = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
        assertThat(http.send(HttpRequest.newBuilder(unsigned).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(403);
    }

    private static void twoParts(S3Fixture f, BlobRef ref, WriteOptions options) {
        try (BlobWrite write = f.store.write(ref, options)) {
            write.part(bytes(PART, 7), PART);
            write.part(bytes(10, 8), 10);
            write.complete();
        }
    }
}
