package io.archivesync.sink.copy.blob;

import io.archivesync.avro.Verification;
import io.archivesync.avro.VerificationMethod;
import io.archivesync.sink.copy.Results;
import io.archivesync.storage.BlobInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * What proves a destination object holds the source's content, from what the stores say about both, strongest
 * first: the published SHA-256 (in the store's own checksum, or in the {@value #SHA256_KEY} metadata we write), a
 * checksum both stores keep (MD5, CRC32C, SHA-256), or for files, which keep no checksum, the same size and
 * modification time (as rclone decides). Used to skip what is current and to verify a server-side copy.
 */
final class Evidence {

    /** User metadata with the SHA-256 of what we wrote (a name Azure accepts: letters, digits, underscore). */
    static final String SHA256_KEY = "archivesync_sha256";

    private Evidence() {
    }

    /** The SHA-256 a destination object is known to have without reading it, or null. */
    static String knownSha256(BlobInfo info) {
        return info.checksums().sha256() != null ? info.checksums().sha256() : info.metadata().get(SHA256_KEY);
    }

    /** Proof that {@code destination} holds {@code source}'s content, or null when there is none. */
    static Verification sameContent(BlobInfo source, BlobInfo destination, String published) {
        if (source.size() != destination.size()) {
            return null;
        }
        Instant a = source.modified();
        Instant b = destination.modified();
        boolean sameTime = a != null && Objects.equals(a, b);
        if ("file".equals(destination.ref().scheme())) {
            // Files keep no checksum; we give a copy its source's time only once it is verified.
            return sameTime ? Results.verification(VerificationMethod.NONE, true, "size " + source.size()
                    + ", modified " + a, "size " + destination.size() + ", modified " + b) : null;
        }
        String known = knownSha256(destination);
        if (published != null) {
            return published.equals(known)
                    ? Results.verification(VerificationMethod.STORAGE_CHECKSUM, true, published, known) : null;
        }
        if (source.checksums().confirms(destination.checksums())) {
            return Results.verification(VerificationMethod.STORAGE_CHECKSUM, true, source.checksums().toString(),
                    destination.checksums().toString());
        }
        if (known != null && known.equals(source.checksums().sha256())) {
            return Results.verification(VerificationMethod.STORAGE_CHECKSUM, true, known, known);
        }
        boolean unchecksummed = source.checksums().md5() == null && source.checksums().crc32c() == null
                && source.checksums().sha256() == null;
        if (unchecksummed && sameTime) {
            return Results.verification(VerificationMethod.NONE, true, "size " + source.size() + ", modified " + a,
                    "size " + destination.size() + ", modified " + b);
        }
        return null;
    }
}
