package io.archivesync.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobStoreContract;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.WriteOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract, on a store kept in a temporary directory: the contract's locations are
 * {@code freshContainer().withKey(key)}, and a file location's container is always empty, so {@code file:///key}
 * must mean a path under the test's directory, not under {@code /}. One contract test is excused
 * ({@link FilesKeepNoUserMetadata}) and replaced by the one here; the file-only behaviour is in
 * {@link FileBlobStoreBehaviourTest}.
 */
@ExtendWith(FilesKeepNoUserMetadata.class)
class FileBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    private FileBlobStore store;

    @BeforeEach
    void openStore() {
        store = new FileBlobStore(root, 7); // small pages, so that listings span several
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobRef freshContainer() {
        return new BlobRef("file", "", "");
    }

    @Test
    void shouldWriteAnObjectThenShowItByHeadWithoutUserMetadata() {
        // Given
        BlobRef ref = freshContainer().withKey("dir/small.bin");
        byte[] bytes = bytes(1000, 1);

        // When written with a content type and user metadata
        BlobInfo written = writeWhole(ref, bytes, new WriteOptions("application/zip", Map.of("origin", "test"),
                null, bytes.length, null, null, Precondition.NONE));

        // Then head shows size and version, and neither the content type nor the metadata, which files do not keep
        BlobInfo head = head(ref).orElseThrow();
        assertThat(head.size()).isEqualTo(bytes.length);
        assertThat(head.version()).isNotBlank().isEqualTo(written.version());
        assertThat(head.metadata()).isEmpty();
        assertThat(head.contentType()).isNull();
        assertThat(root.resolve("dir/small.bin")).exists();
        assertThat(readAll(ref, ReadOptions.WHOLE)).isEqualTo(bytes);
    }
}
