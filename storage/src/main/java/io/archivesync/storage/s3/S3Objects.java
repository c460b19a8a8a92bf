package io.archivesync.storage.s3;

import io.archivesync.core.s3.ETags;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Checksums;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * What S3's answers say about an object, as {@link BlobInfo}. Checksums are taken only where they are of the whole
 * content: an ETag is its MD5 only for a single-part upload without SSE-KMS or SSE-C, and a SHA-256 only when it is
 * not COMPOSITE (a multipart upload's checksum of part checksums, {@code "...-N"}). A wrong checksum would "prove"
 * two equal objects different, so when in doubt there is none.
 */
final class S3Objects {

    /** The user-metadata key a write's modification time is kept under, as ISO-8601 (as the Azure store does). */
    static final String MTIME_METADATA = "mtime";

    private S3Objects() {
    }

    static BlobInfo fromHead(BlobRef ref, HeadObjectResponse r) {
        return new BlobInfo(ref, r.contentLength() == null ? 0 : r.contentLength(), ETags.unquote(r.eTag()),
                checksums(r.eTag(), r.checksumSHA256(), r.checksumTypeAsString(), r.serverSideEncryption(),
                        r.sseCustomerAlgorithm()),
                r.contentType(), r.metadata(), r.lastModified(), r.storageClassAsString());
    }

    /** From a GET, which may be of a range: the whole size is then in Content-Range ({@code bytes 0-9/4096}). */
    static BlobInfo fromGet(BlobRef ref, GetObjectResponse r) {
        long size = r.contentLength() == null ? 0 : r.contentLength();
        if (r.contentRange() != null && r.contentRange().contains("/")) {
            String total = r.contentRange().substring(r.contentRange().lastIndexOf('/') + 1).strip();
            if (!"*".equals(total)) {
                size = Long.parseLong(total);
            }
        }
        return new BlobInfo(ref, size, ETags.unquote(r.eTag()),
                checksums(r.eTag(), r.checksumSHA256(), r.checksumTypeAsString(), r.serverSideEncryption(),
                        r.sseCustomerAlgorithm()),
                r.contentType(), r.metadata(), r.lastModified(), r.storageClassAsString());
    }

    /**
     * From a listing, which says nothing of encryption, checksums or metadata: no checksum is claimed (an SSE-KMS
     * object's ETag looks like an MD5 and is not one).
     */
    static BlobInfo fromListed(BlobRef container, S3Object o) {
        return new BlobInfo(container.withKey(o.key()), o.size() == null ? 0 : o.size(), ETags.unquote(o.eTag()),
                Checksums.NONE, null, Map.of(), o.lastModified(), o.storageClassAsString());
    }

    static Checksums checksums(String etag, String sha256Base64, String checksumType, ServerSideEncryption sse,
                               String sseCustomerAlgorithm) {
        boolean plainEtag = ETags.looksLikeMd5(etag) && sseCustomerAlgorithm == null
                && sse != ServerSideEncryption.AWS_KMS && sse != ServerSideEncryption.AWS_KMS_DSSE;
        boolean wholeSha = sha256Base64 != null && !sha256Base64.contains("-") && !"COMPOSITE".equals(checksumType);
        return new Checksums(plainEtag ? ETags.unquote(etag) : null, null, wholeSha ? hex(sha256Base64) : null);
    }

    /** Base64 (as S3 sends checksums) to hex; null when it is not base64. */
    static String hex(String base64) {
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Hex (as {@link Checksums} holds them) to base64, as S3's checksum headers want; null stays null. */
    static String base64(String hex) {
        return hex == null ? null : Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
