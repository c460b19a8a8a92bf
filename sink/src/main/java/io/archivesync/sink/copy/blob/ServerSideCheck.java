package io.archivesync.sink.copy.blob;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.Verification;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.sink.copy.CopyTask;
import io.archivesync.sink.copy.Results;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.location.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks a server-side copy, whose bytes we never saw. With a published SHA-256: the destination's own checksum when
 * it keeps one, else one read of the copy, hashed; a mismatch removes the copy we just made (conditional on its
 * version) and fails {@code FAILED_CHECKSUM}. Without one: the checksums both stores keep must agree (GCS MD5 and
 * CRC32C, Azure Content-MD5, S3 SHA-256), else the copy is reported with no verification.
 */
final class ServerSideCheck {

    private ServerSideCheck() {
    }

    static CopyResult verify(CopyTask task, long started, BlobInfo source, BlobInfo written,
                             Locations.Resolved destination, PublishedChecksum published, String reason,
                             int requests) {
        Verification verification;
        String sha = null;
        VerificationMethod shaSource = VerificationMethod.NONE;
        long readBack = 0;
        int more = 0;
        if (published.sha256() != null) {
            String known = written.checksums().sha256();
            if (known != null) {
                sha = known;
                shaSource = VerificationMethod.STORAGE_CHECKSUM;
            } else {
                sha = hash(destination, written);
                shaSource = VerificationMethod.DESTINATION_READ;
                readBack = written.size();
                more++;
            }
            boolean ok = published.sha256().equals(sha);
            verification = Results.verification(shaSource, ok, published.sha256(), sha);
            if (!ok) {
                destination.store().delete(destination.ref(), Precondition.ifVersion(written.version())).join();
                return Results.failed(task.request(), task.batchId(), started, CopyOutcome.FAILED_CHECKSUM,
                        ErrorKind.CHECKSUM, "ChecksumMismatch", destination.ref() + " has SHA-256 " + sha
                                + ", not the published " + published.sha256() + "; the copy was removed",
                        requests + more + 1);
            }
        } else {
            boolean ok = source.size() == written.size() && source.checksums().confirms(written.checksums());
            verification = Results.verification(ok ? VerificationMethod.STORAGE_CHECKSUM : VerificationMethod.NONE,
                    ok, source.checksums().toString(), written.checksums().toString());
            sha = Evidence.knownSha256(written);
            shaSource = sha != null ? VerificationMethod.STORAGE_CHECKSUM : VerificationMethod.NONE;
        }
        return Results.base(task.request(), task.batchId(), started)
                .setOutcome(published.problem() != null ? CopyOutcome.COPIED_UNVERIFIED : CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE)
                .setMethodReason(published.problem() != null ? reason + "; " + published.problem() : reason)
                .setBytes(written.size())
                .setStorageRequests(requests + more)
                .setSourceEtag(source.version())
                .setSourceSize(source.size())
                .setVerification(verification)
                .setDestinationSha256(sha)
                .setDestinationSha256Source(shaSource)
                .setBytesReadForVerification(readBack)
                .build();
    }

    private static String hash(Locations.Resolved destination, BlobInfo written) {
        try (BlobRead read = destination.store().read(destination.ref(), ReadOptions.ifVersion(written.version()))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            InputStream in = read.content();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new StorageException(ErrorKind.TRANSIENT, "ReadBackFailed", -1, "reading back " + destination.ref()
                    + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
