package io.archivesync.storage.azure;

import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.Precondition;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** Translations between the Azure client's models and the interface's: ETags, Content-MD5, tiers, conditions. */
final class AzureBlobs {

    private AzureBlobs() {
    }

    static BlobInfo info(BlobRef ref, BlobProperties p) {
        return new BlobInfo(ref, p.getBlobSize(), unquote(p.getETag()), checksums(p.getContentMd5()),
                p.getContentType(), p.getMetadata(), instant(p.getLastModified()),
                tier(p.getAccessTier(), p.isAccessTierInferred()));
    }

    static BlobInfo info(BlobRef ref, BlobItem item) {
        BlobItemProperties p = item.getProperties();
        long size = p.getContentLength() == null ? 0 : p.getContentLength();
        return new BlobInfo(ref, size, unquote(p.getETag()), checksums(p.getContentMd5()), p.getContentType(),
                item.getMetadata(), instant(p.getLastModified()), tier(p.getAccessTier(), p.isAccessTierInferred()));
    }

    /** Azure keeps Content-MD5 only when it was given at upload (or computed for a single Put Blob). */
    static Checksums checksums(byte[] contentMd5) {
        return contentMd5 == null || contentMd5.length == 0 ? Checksums.NONE
                : new Checksums(HexFormat.of().formatHex(contentMd5), null, null);
    }

    /** If-Match on the (quoted) ETag, or If-None-Match {@code *}; null when nothing must hold. */
    static BlobRequestConditions conditions(Precondition precondition) {
        if (precondition == null || precondition.ifVersion() == null && !precondition.absent()) {
            return null;
        }
        BlobRequestConditions conditions = new BlobRequestConditions();
        if (precondition.absent()) {
            conditions.setIfNoneMatch("*");
        } else {
            conditions.setIfMatch(quote(precondition.ifVersion()));
        }
        return conditions;
    }

    /** The ETag as the interface keeps versions: without its quotes. */
    static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    static String quote(String version) {
        return version.startsWith("\"") ? version : "\"" + version + "\"";
    }

    /** The tier a blob was given; null when it only inherits the account's default ({@code inferred}). */
    static String tier(AccessTier tier, Boolean inferred) {
        return tier == null || Boolean.TRUE.equals(inferred) ? null : tier.toString();
    }

    static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
