package io.archivesync.storage.gcs;

import com.google.api.client.util.DateTime;
import com.google.api.services.storage.model.StorageObject;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Checksums;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What GCS says about an object, as a {@link BlobInfo}: the generation is the version, MD5 and CRC32C (base64 in the
 * API) become hex, the update time is the modification time.
 */
final class GcsObjects {

    static final String SCHEME = "gs";

    private GcsObjects() {
    }

    static BlobInfo fromClient(com.google.cloud.storage.BlobInfo blob) {
        OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
        return new BlobInfo(new BlobRef(SCHEME, blob.getBucket(), blob.getName()),
                blob.getSize() == null ? 0 : blob.getSize(),
                blob.getGeneration() == null ? null : Long.toString(blob.getGeneration()),
                checksums(blob.getMd5(), blob.getCrc32c()),
                blob.getContentType(),
                blob.getMetadata() == null ? null : GcsMetadata.withoutNulls(blob.getMetadata()),
                updated == null ? null : updated.toInstant(),
                blob.getStorageClass() == null ? null : blob.getStorageClass().name());
    }

    /** The object resource a resumable upload answers with when it finishes. */
    static BlobInfo fromResource(StorageObject object) {
        BigInteger size = object.getSize();
        DateTime updated = object.getUpdated();
        return new BlobInfo(new BlobRef(SCHEME, object.getBucket(), object.getName()),
                size == null ? 0 : size.longValueExact(),
                object.getGeneration() == null ? null : Long.toString(object.getGeneration()),
                checksums(object.getMd5Hash(), object.getCrc32c()),
                object.getContentType(),
                object.getMetadata() == null ? null : GcsMetadata.withoutNulls(object.getMetadata()),
                updated == null ? null : Instant.ofEpochMilli(updated.getValue()),
                object.getStorageClass());
    }

    static Checksums checksums(String md5Base64, String crc32cBase64) {
        return new Checksums(hex(md5Base64), hex(crc32cBase64), null);
    }

    /** GCS's base64 of the digest bytes (CRC32C big-endian) as lower-case hex; null stays null. */
    static String hex(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64.strip()));
    }

    static com.google.cloud.storage.BlobId blobId(BlobRef ref) {
        return com.google.cloud.storage.BlobId.of(ref.container(), ref.key());
    }
}
