package io.archivesync.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class GcsErrorsTest {

    @Test
    void shouldClassifyStatusesAsEveryStoreDoes() {
        assertThat(GcsErrors.kindOf(404)).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(GcsErrors.kindOf(401)).isEqualTo(ErrorKind.ACCESS);
        assertThat(GcsErrors.kindOf(403)).isEqualTo(ErrorKind.ACCESS);
        assertThat(GcsErrors.kindOf(412)).isEqualTo(ErrorKind.PRECONDITION);
        assertThat(GcsErrors.kindOf(429)).isEqualTo(ErrorKind.THROTTLED);
        assertThat(GcsErrors.kindOf(503)).isEqualTo(ErrorKind.THROTTLED);
        assertThat(GcsErrors.kindOf(500)).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(GcsErrors.kindOf(502)).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(GcsErrors.kindOf(400)).isEqualTo(ErrorKind.INVALID);
        assertThat(GcsErrors.kindOf(409)).isEqualTo(ErrorKind.FINAL);
        assertThat(GcsErrors.kindOf(499)).isEqualTo(ErrorKind.FINAL);
    }

    @Test
    void shouldClassifyTheClientsExceptionsByTheirCodeAndBrokenConnectionsAsTransient() {
        StorageException throttled = GcsErrors.from(
                new com.google.cloud.storage.StorageException(429, "slow down"), "reading gs://b/k");
        StorageException broken = GcsErrors.from(
                new com.google.cloud.storage.StorageException(new SocketTimeoutException("read timed out")),
                "reading gs://b/k");
        StorageException io = GcsErrors.from(new IOException("reset"), "reading gs://b/k");

        assertThat(throttled.kind()).isEqualTo(ErrorKind.THROTTLED);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.getMessage()).contains("gs://b/k");
        assertThat(broken.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(io.kind()).isEqualTo(ErrorKind.TRANSIENT);
    }
}
