package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A good mirror is never destroyed: a replacement is staged, verified and only then put in place; a bad or unverifiable
 * replacement leaves the earlier copy where it was, and nothing of it behind.
 */
@ExtendWith(StackExtension.class)
class GoodMirrorIT {

    private static final String KEY = "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip";

    @Test
    void shouldKeepTheGoodCopyWhenTheSourceChangesIntoOneThatFailsItsChecksum(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            // Given a mirrored, verified object
            byte[] good = Fixture.zip(3000, 1);
            FileSyncRequest first = f.archiveFile(KEY, good, Fixture.sha256(good));
            assertThat(f.copy(first).getOutcome()).isEqualTo(CopyOutcome.COPIED);

            // When the source is replaced by a corrupt file while its sidecar still names the good one
            byte[] corrupt = Fixture.zip(3100, 2);
            String etag = f.put(KEY, corrupt);
            CopyResult result = f.copy(FileSyncRequest.newBuilder(first).setExpectedEtag(etag)
                    .setExpectedSize((long) corrupt.length).build());

            // Then the copy fails its checksum, the good copy is still there, and no staged copy is left behind
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.FAILED_CHECKSUM);
            assertThat(result.getErrorMessage()).contains("stays");
            assertThat(result.getDestination().getKey()).isEqualTo("binance/" + KEY);
            assertThat(f.read(f.mirror, "binance/" + KEY)).isEqualTo(good);
            assertThat(f.keys(f.mirror, StagingCopier.STAGING_PREFIX)).isEmpty();
        }
    }

    @Test
    void shouldPutAVerifiedReplacementInPlace(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            // Given a mirrored object
            byte[] first = Fixture.zip(2000, 3);
            f.copy(f.archiveFile(KEY, first, Fixture.sha256(first)));

            // When the publisher replaces file and sidecar consistently
            byte[] second = Fixture.zip(2100, 4);
            CopyResult result = f.copy(f.archiveFile(KEY, second, Fixture.sha256(second)));

            // Then the new file is verified in staging and then replaces the old one
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getVerification().getVerified()).isTrue();
            assertThat(result.getMethodReason()).contains("staged and verified");
            assertThat(result.getDestination().getKey()).isEqualTo("binance/" + KEY);
            assertThat(f.read(f.mirror, "binance/" + KEY)).isEqualTo(second);
            assertThat(f.keys(f.mirror, StagingCopier.STAGING_PREFIX)).isEmpty();
        }
    }

    @Test
    void shouldCountACopyWithAGarbageSidecarAsUnverifiedAndNeverLetItReplaceAGoodOne(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            // Given an object whose sidecar holds no SHA-256
            byte[] zip = Fixture.zip(1500, 5);
            String other = "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-05.zip";
            FileSyncRequest garbage = f.archiveFile(other, zip, "not-a-checksum");

            // When it is copied for the first time
            CopyResult first = f.copy(garbage);

            // Then it is there, but the result says unverified, not copied
            assertThat(first.getOutcome()).isEqualTo(CopyOutcome.COPIED_UNVERIFIED);
            assertThat(first.getVerification().getVerified()).isFalse();
            assertThat(first.getErrorClass()).isEqualTo("ChecksumUnavailable");

            // Given a good, verified mirror of another object whose replacement comes with a garbage sidecar
            byte[] good = Fixture.zip(1500, 6);
            f.copy(f.archiveFile(KEY, good, Fixture.sha256(good)));
            byte[] replacement = Fixture.zip(1600, 7);
            CopyResult replaced = f.copy(f.archiveFile(KEY, replacement, "garbage"));

            // Then the unverifiable replacement does not replace the good copy
            assertThat(replaced.getOutcome()).isEqualTo(CopyOutcome.FAILED_CHECKSUM);
            assertThat(replaced.getErrorClass()).isEqualTo("ChecksumUnavailable");
            assertThat(f.read(f.mirror, "binance/" + KEY)).isEqualTo(good);
            assertThat(f.keys(f.mirror, StagingCopier.STAGING_PREFIX)).isEmpty();
        }
    }

    @Test
    void shouldQuarantineABadCopyAboveTheMultipartThresholdInParts(Stack.S3Endpoint s3) {
        // Given objects above the multipart threshold go in parts, and a quarantine prefix
        try (Fixture f = new Fixture(s3, "sink.serverSide.multipartThreshold=5242880",
                "sink.serverSide.partSize=5242880", "sink.verify.quarantinePrefix=quarantine/")) {
            byte[] zip = Fixture.zip(6 * 1024 * 1024, 8);
            FileSyncRequest request = f.archiveFile(KEY, zip, Fixture.sha256("other".getBytes(StandardCharsets.UTF_8)));

            // When its copy does not match the published checksum
            CopyResult result = f.copy(request);

            // Then the bad copy is moved whole under the quarantine prefix (in parts), and gone from the mirror
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_CHECKSUM);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.MULTIPART_SERVER_SIDE);
            assertThat(result.getErrorMessage()).contains("moved to");
            assertThat(f.exists(f.mirror, "binance/" + KEY)).isFalse();
            assertThat(f.read(f.mirror, "quarantine/binance/" + KEY)).isEqualTo(zip);
        }
    }

    @Test
    void shouldAnswerAnUnchangedUnversionedRequestWithOneConditionalCopy(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3)) {
            // Given a mirrored object, and a request without size or ETag (as --strategy generate makes them), with
            // the source ETag of the last good copy from the results table
            byte[] zip = Fixture.zip(2500, 9);
            FileSyncRequest listed = f.archiveFile(KEY, zip, Fixture.sha256(zip));
            f.copy(listed);
            FileSyncRequest generated = FileSyncRequest.newBuilder(listed).setExpectedEtag(null).setExpectedSize(null)
                    .build();

            // When it comes again while the source is unchanged
            CopyResult unchanged = f.copy(CopyTask.of(generated, Fixture.BATCH)
                    .withCurrentSourceEtag(listed.getExpectedEtag()));

            // Then one request answers it, and no byte moves
            assertThat(unchanged.getOutcome()).as(unchanged.getMethodReason()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
            assertThat(unchanged.getStorageRequests()).isEqualTo(1);
            assertThat(unchanged.getBytesThroughCopier()).isZero();

            // When the source has changed since (file and sidecar)
            byte[] newer = Fixture.zip(2600, 10);
            f.archiveFile(KEY, newer, Fixture.sha256(newer));
            CopyResult changed = f.copy(CopyTask.of(generated, Fixture.BATCH)
                    .withCurrentSourceEtag(listed.getExpectedEtag()));

            // Then it is copied, verified and put in place
            assertThat(changed.getOutcome()).as(changed.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(changed.getVerification().getVerified()).isTrue();
            assertThat(f.read(f.mirror, "binance/" + KEY)).isEqualTo(newer);
        }
    }
}
