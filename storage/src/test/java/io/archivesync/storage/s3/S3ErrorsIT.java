package io.archivesync.storage.s3;

import static io.archivesync.storage.s3.S3Fixture.bytes;
import static io.archivesync.storage.s3.S3Fixture.join;
import static io.archivesync.storage.s3.S3Fixture.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.ErrorKind;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How the S3 store classifies what S3 answers, and what it refuses before asking. */
@ExtendWith(StackExtension.class)
class S3ErrorsIT {

    private static S3Fixture s3;

    @BeforeAll
    static void open(Stack.S3Endpoint endpoint) {
        s3 = new S3Fixture(endpoint, S3StoreOptions.DEFAULTS);
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void shouldClassifyAMissingBucketAsNotFound() {
        BlobRef ref = new BlobRef("s3", "no-such-bucket-" + System.nanoTime(), "x.bin");

        assertThatThrownBy(() -> s3.store.read(ref, ReadOptions.WHOLE))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("NoSuchBucket");
                });
        assertThatThrownBy(() -> s3.store.list(ref.withKey(""), null).hasNext())
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> s3.writeWhole(ref, bytes(10, 1), WriteOptions.DEFAULT))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void shouldClassifyAWrongSecretAsAccess() {
        // Given an object, and a store that signs with the wrong secret
        BlobRef ref = s3.freshContainer().withKey("secret.bin");
        s3.writeWhole(ref, bytes(10, 2), WriteOptions.DEFAULT);
        try (S3BlobStore wrong = S3BlobStore.create(S3Fixture.settings(s3.endpoint, "not-the-secret"), false,
                S3StoreOptions.DEFAULTS)) {
            // When it reads, heads, lists or writes, then every refusal is ACCESS
            assertThatThrownBy(() -> wrong.read(ref, ReadOptions.WHOLE))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                            .isEqualTo(ErrorKind.ACCESS));
            assertThatThrownBy(() -> join(wrong.head(ref)))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS);
                        assertThat(e.status()).isEqualTo(403);
                    });
            assertThatThrownBy(() -> wrong.list(ref.withKey(""), null).next())
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                            .isEqualTo(ErrorKind.ACCESS));
            assertThatThrownBy(() -> join(wrong.delete(ref, Precondition.NONE)))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                            .isEqualTo(ErrorKind.ACCESS));
        }
    }

    @Test
    void shouldRefuseAnUnknownStorageClassBeforeAnyRequestAndWriteAKnownOne() {
        BlobRef ref = s3.freshContainer().withKey("classed.bin");

        assertThatThrownBy(() -> s3.store.write(ref, options("COLD", null, Precondition.NONE)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.INVALID));
        assertThatThrownBy(() -> s3.store.copy(ref, null, ref.withKey("c.bin"),
                options("standard", null, Precondition.NONE)).orElseThrow().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.INVALID));

        s3.writeWhole(ref, bytes(10, 3), options("STANDARD_IA", null, Precondition.NONE));
        assertThat(s3.head(ref).orElseThrow().storageClass()).isEqualTo("STANDARD_IA");
    }

    @Test
    void shouldRefuseAReadOrDeleteWhoseVersionChanged() {
        BlobRef ref = s3.freshContainer().withKey("changing.bin");
        String seen = s3.writeWhole(ref, bytes(10, 4), WriteOptions.DEFAULT).version();
        s3.writeWhole(ref, bytes(11, 5), WriteOptions.DEFAULT);

        assertThatThrownBy(() -> s3.store.read(ref, ReadOptions.ifVersion(seen)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.PRECONDITION));
        assertThatThrownBy(() -> join(s3.store.delete(ref, Precondition.ifVersion(seen))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.PRECONDITION));
        assertThat(s3.readAll(ref, ReadOptions.WHOLE)).isEqualTo(bytes(11, 5));
    }

    @Test
    void shouldMapS3CodesAsTheCopierDoes() {
        assertThat(S3Errors.kindOf("SlowDown", 503)).isEqualTo(ErrorKind.THROTTLED);
        assertThat(S3Errors.kindOf("InternalError", 500)).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(S3Errors.kindOf("InvalidStorageClass", 400)).isEqualTo(ErrorKind.INVALID);
        assertThat(S3Errors.kindOf("EntityTooLarge", 400)).isEqualTo(ErrorKind.FINAL);
        assertThat(S3Errors.kindOf("SignatureDoesNotMatch", 403)).isEqualTo(ErrorKind.ACCESS);
        assertThat(S3Errors.kindOf("PreconditionFailed", 412)).isEqualTo(ErrorKind.PRECONDITION);
    }
}
