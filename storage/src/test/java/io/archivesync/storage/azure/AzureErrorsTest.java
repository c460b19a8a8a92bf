package io.archivesync.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.models.BlobErrorCode;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AzureErrorsTest {

    @Test
    void shouldClassifyStatusesAndCodesAsEveryProviderDoes() {
        assertThat(AzureErrors.kind(404, BlobErrorCode.BLOB_NOT_FOUND)).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(AzureErrors.kind(404, BlobErrorCode.CONTAINER_NOT_FOUND)).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(AzureErrors.kind(403, BlobErrorCode.AUTHORIZATION_FAILURE)).isEqualTo(ErrorKind.ACCESS);
        assertThat(AzureErrors.kind(401, null)).isEqualTo(ErrorKind.ACCESS);
        assertThat(AzureErrors.kind(412, BlobErrorCode.CONDITION_NOT_MET)).isEqualTo(ErrorKind.PRECONDITION);
        assertThat(AzureErrors.kind(409, BlobErrorCode.BLOB_ALREADY_EXISTS)).isEqualTo(ErrorKind.PRECONDITION);
        assertThat(AzureErrors.kind(503, BlobErrorCode.SERVER_BUSY)).isEqualTo(ErrorKind.THROTTLED);
        assertThat(AzureErrors.kind(429, null)).isEqualTo(ErrorKind.THROTTLED);
        assertThat(AzureErrors.kind(500, BlobErrorCode.OPERATION_TIMED_OUT)).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(AzureErrors.kind(400, BlobErrorCode.INVALID_BLOCK_LIST)).isEqualTo(ErrorKind.INVALID);
        assertThat(AzureErrors.kind(400, BlobErrorCode.MD5MISMATCH)).isEqualTo(ErrorKind.CHECKSUM);
        assertThat(AzureErrors.kind(409, BlobErrorCode.BLOB_ARCHIVED)).isEqualTo(ErrorKind.FINAL);
    }

    @Test
    void shouldClassifyABrokenConnectionInsideACompletionAsTransient() {
        StorageException e = AzureErrors.classify(new CompletionException(new IOException("reset")), "read x");

        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(e.status()).isEqualTo(-1);
        assertThat(e.getMessage()).startsWith("read x failed");
    }

    @Test
    void shouldKeepAStorageExceptionAsItWasClassified() {
        StorageException original = new StorageException(ErrorKind.INVALID, "InvalidAccessTier", -1, "no", null);

        assertThat(AzureErrors.classify(new CompletionException(original), "write")).isSameAs(original);
    }
}
