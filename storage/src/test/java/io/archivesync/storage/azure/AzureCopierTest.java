package io.archivesync.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AzureCopierTest {

    private static final long MIB = 1024L * 1024;

    @Test
    void shouldGrowTheCopyBlockOnlyWhenFiftyThousandWouldNotHoldTheObject() {
        AzureCopier copier = new AzureCopier(100 * MIB, Limits.MAX_SYNC_COPY_BYTES);

        assertThat(copier.blockBytes(0)).isEqualTo(100 * MIB);
        assertThat(copier.blockBytes(50_000 * 100 * MIB)).isEqualTo(100 * MIB);
        assertThat(copier.blockBytes(50_000 * 100 * MIB + 1)).isEqualTo(101 * MIB);
        assertThat(copier.blockBytes(50_000 * Limits.MAX_BLOCK_BYTES)).isEqualTo(Limits.MAX_BLOCK_BYTES);
        assertThatThrownBy(() -> copier.blockBytes(50_000 * Limits.MAX_BLOCK_BYTES + 1))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind())
                        .isEqualTo(ErrorKind.INVALID));
    }

    @Test
    void shouldMaskTheAccountKeyInTheConfig() {
        AzureBlobConfig config = AzureBlobConfig.of("acct", URI.create("https://acct.blob.core.windows.net"),
                "c2VjcmV0");

        assertThat(config.toString()).contains("acct").doesNotContain("c2VjcmV0");
    }
}
