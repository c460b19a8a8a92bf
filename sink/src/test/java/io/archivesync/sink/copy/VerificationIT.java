package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SHA-256 verification against the published .CHECKSUM sidecars, and what happens to a bad copy. */
@ExtendWith(StackExtension.class)
class VerificationIT {

    private static final String KEY = "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip";

    @Test
    void shouldVerifyAServerSideCopyByOneReadWhereTheStorageComputesNoChecksum(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            // Given an archive file and its correct sidecar
            byte[] zip = Fixture.zip(4000, 20);
            FileSyncRequest request = f.archiveFile(KEY, zip, Fixture.sha256(zip));

            // When
            CopyResult result = f.copy(request);

            // Then: S3Proxy computes no SHA-256 on CopyObject, so the copy was read back once
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.SERVER_SIDE);
            assertThat(result.getVerification().getMethod()).isEqualTo(VerificationMethod.DESTINATION_READ);
            assertThat(result.getVerification().getVerified()).isTrue();
            assertThat(result.getVerification().getExpected()).isEqualTo(Fixture.sha256(zip));
            assertThat(result.getBytesReadForVerification()).isEqualTo(zip.length);
            assertThat(result.getBytesThroughCopier()).isZero();
            // skip HEAD + CopyObject + sidecar GET + destination GET
            assertThat(result.getStorageRequests()).isEqualTo(4);
        }
    }

    @Test
    void shouldVerifyAStreamedCopyByItsOwnHash(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            byte[] zip = Fixture.zip(4000, 21);
            FileSyncRequest request = FileSyncRequest.newBuilder(f.archiveFile(KEY, zip, Fixture.sha256(zip)))
                    .setMode("TRADITIONAL").build();

            CopyResult result = f.copy(request);

            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getVerification().getMethod()).isEqualTo(VerificationMethod.STREAMED_HASH);
            assertThat(result.getVerification().getVerified()).isTrue();
            assertThat(result.getBytesReadForVerification()).isZero();
        }
    }

    @Test
    void shouldQuarantineACopyThatDoesNotMatchThePublishedChecksum(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3, "sink.verify.quarantinePrefix=quarantine/")) {
            // Given a file whose published checksum does not match it (reported in the real archive)
            byte[] zip = Fixture.zip(4000, 22);
            String wrong = Fixture.sha256("something else".getBytes());
            FileSyncRequest request = f.archiveFile(KEY, zip, wrong);

            // When
            CopyResult result = f.copy(request);

            // Then the result fails, and the bad copy is out of the mirror, kept under the quarantine prefix
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_CHECKSUM);
            assertThat(result.getErrorClass()).isEqualTo("ChecksumMismatch");
            assertThat(result.getErrorMessage()).contains(wrong, "quarantine/binance/" + KEY);
            assertThat(result.getVerification().getVerified()).isFalse();
            assertThat(result.getVerification().getExpected()).isEqualTo(wrong);
            assertThat(result.getVerification().getActual()).isEqualTo(Fixture.sha256(zip));
            assertThat(f.exists(f.mirror, "binance/" + KEY)).isFalse();
            assertThat(f.read(f.mirror, "quarantine/binance/" + KEY)).isEqualTo(zip);
        }
    }

    @Test
    void shouldDeleteABadStreamedCopyWithoutQuarantinePrefix(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            byte[] zip = Fixture.zip(4000, 23);
            FileSyncRequest request = FileSyncRequest.newBuilder(f.archiveFile(KEY, zip, "0".repeat(64)))
                    .setMode("TRADITIONAL").build();

            CopyResult result = f.copy(request);

            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_CHECKSUM);
            assertThat(result.getErrorMessage()).contains("deleted");
            assertThat(f.exists(f.mirror, "binance/" + KEY)).isFalse();
        }
    }

    @Test
    void shouldMirrorTheSidecarAndReportAMissingOne(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            // Given a file with its sidecar, the sidecar's own request, and a file whose sidecar is missing
            byte[] zip = Fixture.zip(1000, 24);
            f.archiveFile(KEY, zip, Fixture.sha256(zip));
            FileSyncRequest sidecar = Requests.copy(f.uri(KEY + ".CHECKSUM"), f.mirror, "binance/" + KEY + ".CHECKSUM")
                    .setArchive(Fixture.coordinates(true)).build();
            String orphan = "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-03.zip";
            f.put(orphan, zip);
            FileSyncRequest noSidecar = Requests.copy(f.uri(orphan), f.mirror, "binance/" + orphan)
                    .setArchive(Fixture.coordinates(false)).build();

            // When
            CopyResult sidecarResult = f.copy(sidecar);
            CopyResult orphanResult = f.copy(noSidecar);

            // Then the sidecar is mirrored as is; the orphan is copied but ends in a state of its own: unverified
            assertThat(sidecarResult.getOutcome()).isEqualTo(CopyOutcome.COPIED);
            assertThat(new String(f.read(f.mirror, "binance/" + KEY + ".CHECKSUM"))).startsWith(Fixture.sha256(zip));
            assertThat(orphanResult.getOutcome()).isEqualTo(CopyOutcome.COPIED_UNVERIFIED);
            assertThat(orphanResult.getVerification().getVerified()).isFalse();
            assertThat(orphanResult.getErrorClass()).isEqualTo("ChecksumUnavailable");
            assertThat(orphanResult.getErrorMessage()).contains(".CHECKSUM does not exist");
        }
    }
}
