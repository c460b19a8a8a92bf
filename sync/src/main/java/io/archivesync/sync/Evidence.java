package io.archivesync.sync;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.Checksums;
import java.util.regex.Pattern;

/**
 * What proves two contents equal. Only a checksum both have, and none contradicting, proves it; anything less is
 * "not known to be equal", which the decider treats as different: at worst a conflict, never a lost write.
 *
 * <p>An ETag of 32 hex digits from a listing (S3 single-part uploads, where listings carry no checksums) is taken as an
 * MD5 candidate. Under SSE-KMS it is not one, but then it matches no real MD5, so it can only fail to prove equality,
 * never prove it falsely.
 */
public final class Evidence {

    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    private Evidence() {
    }

    public static Checksums of(BlobInfo info) {
        Checksums own = info.checksums();
        if (own.md5() == null && info.version() != null && MD5.matcher(info.version()).matches()
                && !"file".equals(info.ref().scheme())) {
            return new Checksums(info.version(), own.crc32c(), own.sha256());
        }
        return own;
    }

    /** Whether both are proved to be the same content. */
    public static boolean same(Checksums x, Checksums y) {
        return x.confirms(y);
    }

    /** Every checksum either knows, the first's winning where both know one (they agree unless the content is bad). */
    public static Checksums merge(Checksums first, Checksums second) {
        return new Checksums(first.md5() != null ? first.md5() : second.md5(),
                first.crc32c() != null ? first.crc32c() : second.crc32c(),
                first.sha256() != null ? first.sha256() : second.sha256());
    }

    /** Whether anything is known of a content. */
    public static boolean known(Checksums c) {
        return c.md5() != null || c.crc32c() != null || c.sha256() != null;
    }
}
